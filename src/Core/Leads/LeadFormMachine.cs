using Stateless;

namespace PdBot.Core.Leads;

/// <summary>
/// name → phone → day → time → direction (only when directions are configured) → confirm → sent. Each step moves on
/// only after its answer was accepted; a bad answer keeps the step.
/// </summary>
public sealed class LeadFormMachine
{
    private enum Go
    {
        Next,
    }

    private readonly StateMachine<LeadFormStep, Go> _machine;

    public LeadFormMachine(Lead lead, bool askDirection)
    {
        ArgumentNullException.ThrowIfNull(lead);
        _machine = new StateMachine<LeadFormStep, Go>(() => lead.Step, s => lead.Step = s);
        _machine.Configure(LeadFormStep.Name).Permit(Go.Next, LeadFormStep.Phone);
        _machine.Configure(LeadFormStep.Phone).Permit(Go.Next, LeadFormStep.Day);
        _machine.Configure(LeadFormStep.Day).Permit(Go.Next, LeadFormStep.Time);
        _machine.Configure(LeadFormStep.Time)
            .PermitIf(Go.Next, LeadFormStep.Direction, () => askDirection)
            .PermitIf(Go.Next, LeadFormStep.Confirm, () => !askDirection);
        _machine.Configure(LeadFormStep.Direction).Permit(Go.Next, LeadFormStep.Confirm);
        _machine.Configure(LeadFormStep.Confirm).Permit(Go.Next, LeadFormStep.Sent);
    }

    public LeadFormStep Step => _machine.State;

    public void Next() => _machine.Fire(Go.Next);
}
