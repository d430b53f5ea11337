using Stateless;

namespace PdBot.Core.Mailings;

/// <summary>
/// The life of a mailing: draft → scheduled (→ awaiting approval first under four-eyes) → sending ⇄ paused →
/// completed | cancelled. Built around the stored mailing for each action; a trigger that does not fit the state
/// is refused (<see cref="TryFire"/> returns false), never thrown.
/// </summary>
public sealed class MailingMachine
{
    private readonly StateMachine<MailingState, MailingTrigger> _machine;

    public MailingMachine(Mailing mailing, bool requireApproval)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        _machine = new StateMachine<MailingState, MailingTrigger>(() => mailing.State, s => mailing.State = s);

        _machine.Configure(MailingState.Draft)
            .PermitIf(MailingTrigger.Submit, MailingState.AwaitingApproval, () => requireApproval)
            .PermitIf(MailingTrigger.Submit, MailingState.Scheduled, () => !requireApproval)
            .Permit(MailingTrigger.Cancel, MailingState.Cancelled);

        _machine.Configure(MailingState.AwaitingApproval)
            .Permit(MailingTrigger.Approve, MailingState.Scheduled)
            .Permit(MailingTrigger.Reject, MailingState.Draft)
            .Permit(MailingTrigger.Cancel, MailingState.Cancelled);

        _machine.Configure(MailingState.Scheduled)
            .Permit(MailingTrigger.Start, MailingState.Sending)
            .Permit(MailingTrigger.Pause, MailingState.Paused)
            .Permit(MailingTrigger.Cancel, MailingState.Cancelled);

        _machine.Configure(MailingState.Sending)
            .Permit(MailingTrigger.Pause, MailingState.Paused)
            .Permit(MailingTrigger.Complete, MailingState.Completed)
            .Permit(MailingTrigger.Cancel, MailingState.Cancelled);

        // A mailing paused before it started resumes as scheduled (its time may not have come); one paused while sending goes on.
        _machine.Configure(MailingState.Paused)
            .PermitIf(MailingTrigger.Resume, MailingState.Sending, () => mailing.StartedAtUtc is not null)
            .PermitIf(MailingTrigger.Resume, MailingState.Scheduled, () => mailing.StartedAtUtc is null)
            .Permit(MailingTrigger.Cancel, MailingState.Cancelled);
    }

    public MailingState State => _machine.State;

    public bool CanFire(MailingTrigger trigger) => _machine.CanFire(trigger);

    public bool TryFire(MailingTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    /// <summary>The triggers the current state accepts (the console shows a button for each).</summary>
    public IEnumerable<MailingTrigger> PermittedTriggers => Enum.GetValues<MailingTrigger>().Where(_machine.CanFire);
}
