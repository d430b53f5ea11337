using Stateless;

namespace PdBot.Core.Leads;

/// <summary>
/// filling → new → contacted → booked | no answer | closed; a new or contacted request may be closed, and the person
/// may cancel an open one. Booked, no answer, closed and cancelled are final (the term sweep then destroys the data).
/// </summary>
public sealed class LeadMachine
{
    private readonly StateMachine<LeadState, LeadTrigger> _machine;

    public LeadMachine(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        _machine = new StateMachine<LeadState, LeadTrigger>(() => lead.State, s => lead.State = s);
        _machine.Configure(LeadState.Filling).Permit(LeadTrigger.Submit, LeadState.New);
        _machine.Configure(LeadState.New)
            .Permit(LeadTrigger.Contact, LeadState.Contacted)
            .Permit(LeadTrigger.Close, LeadState.Closed)
            .Permit(LeadTrigger.CancelByPerson, LeadState.Cancelled);
        _machine.Configure(LeadState.Contacted)
            .Permit(LeadTrigger.Book, LeadState.Booked)
            .Permit(LeadTrigger.NoAnswer, LeadState.NoAnswer)
            .Permit(LeadTrigger.Close, LeadState.Closed)
            .Permit(LeadTrigger.CancelByPerson, LeadState.Cancelled);
    }

    /// <summary>The operators' actions the state allows now, in the order the page shows them.</summary>
    public IReadOnlyList<LeadTrigger> OperatorActions =>
        [.. new[] { LeadTrigger.Contact, LeadTrigger.Book, LeadTrigger.NoAnswer, LeadTrigger.Close }.Where(_machine.CanFire)];

    public bool CanFire(LeadTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(LeadTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    public static bool IsOpen(LeadState state) => state is LeadState.New or LeadState.Contacted;

    public static bool IsFinal(LeadState state) => state is LeadState.Booked or LeadState.NoAnswer or LeadState.Closed or LeadState.Cancelled;
}
