using Stateless;

namespace PdBot.Core.Incidents;

/// <summary>
/// candidate → open (registered) → notice sent (24 h) → results sent (72 h) → closed; a candidate may be dismissed
/// (with a reason) and a console incident starts open. Closed and dismissed are final.
/// </summary>
public sealed class IncidentMachine
{
    private readonly StateMachine<IncidentState, IncidentTrigger> _machine;

    public IncidentMachine(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        _machine = new StateMachine<IncidentState, IncidentTrigger>(() => incident.State, s => incident.State = s);
        _machine.Configure(IncidentState.Candidate)
            .Permit(IncidentTrigger.Register, IncidentState.Open)
            .Permit(IncidentTrigger.Dismiss, IncidentState.Dismissed);
        _machine.Configure(IncidentState.Open).Permit(IncidentTrigger.MarkNoticeSent, IncidentState.NoticeSent);
        _machine.Configure(IncidentState.NoticeSent).Permit(IncidentTrigger.MarkResultsSent, IncidentState.ResultsSent);
        _machine.Configure(IncidentState.ResultsSent).Permit(IncidentTrigger.Close, IncidentState.Closed);
    }

    public bool CanFire(IncidentTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(IncidentTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    public static bool IsFinal(IncidentState state) => state is IncidentState.Closed or IncidentState.Dismissed;
}
