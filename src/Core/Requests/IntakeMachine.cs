using Stateless;
using Stateless.Graph;

namespace PdBot.Core.Requests;

/// <summary>
/// The intake dialog of one request: which question comes next. The step is stored on the request,
/// so a restart resumes where the person stopped; an invalid answer never advances it.
/// </summary>
public sealed class IntakeMachine
{
    private static readonly RequestType[] NeedStatement = [RequestType.Correction, RequestType.Destruction, RequestType.Blocking, RequestType.StopProcessing];
    private readonly StateMachine<IntakeStep, string> _machine;

    public IntakeMachine(SubjectRequest request, bool repeatAccess)
    {
        ArgumentNullException.ThrowIfNull(request);
        _machine = new StateMachine<IntakeStep, string>(
            () => Enum.TryParse<IntakeStep>(request.IntakeStep, out var s) ? s : FirstStep(request.Type),
            s => request.IntakeStep = s.ToString());
        var needsStatement = NeedStatement.Contains(request.Type);
        var needsJustification = request.Type == RequestType.Access && repeatAccess;

        _machine.Configure(IntakeStep.Document).Permit(Answered, IntakeStep.IssuedOn);
        _machine.Configure(IntakeStep.IssuedOn).Permit(Answered, IntakeStep.Issuer);
        _machine.Configure(IntakeStep.Issuer).Permit(Answered, IntakeStep.Relation);
        _machine.Configure(IntakeStep.Relation)
            .PermitIf(Answered, IntakeStep.Statement, () => needsStatement, "the request states a claim")
            .PermitIf(Answered, IntakeStep.Justification, () => needsJustification, "a repeat access request within 30 days")
            .PermitIf(Answered, IntakeStep.Complete, () => !needsStatement && !needsJustification, "nothing more is needed");
        _machine.Configure(IntakeStep.Statement).Permit(Answered, IntakeStep.Complete);
        _machine.Configure(IntakeStep.Justification).Permit(Answered, IntakeStep.Complete);
        _machine.Configure(IntakeStep.Purpose).Permit(Answered, IntakeStep.Complete);
    }

    public const string Answered = "answered";

    public IntakeStep Step => _machine.State;

    /// <summary>Withdrawals come from the account that gave the consent: no document is needed.</summary>
    public static IntakeStep FirstStep(RequestType type) => type switch
    {
        RequestType.WithdrawConsent => IntakeStep.Purpose,
        RequestType.WithdrawDistribution => IntakeStep.Complete,
        _ => IntakeStep.Document,
    };

    /// <summary>Moves to the next question after a valid answer.</summary>
    public IntakeStep Next()
    {
        _machine.Fire(Answered);
        return _machine.State;
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
