using Stateless;
using Stateless.Graph;

namespace PdBot.Core.Requests;

/// <summary>
/// The intake dialog of one request: which question comes next. The step is stored on the request,
/// so a restart resumes where the person stopped; an invalid answer never advances it. A representative
/// (policy 6.1.2) gives their own document and then the power of attorney's details.
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

        _machine.Configure(IntakeStep.Applicant).Permit(Answered, IntakeStep.DocumentType);
        _machine.Configure(IntakeStep.DocumentType)
            .PermitIf(Answered, IntakeStep.DocumentName, () => request.DocumentType == IdentityDocumentType.Other, "another document: its name first")
            .PermitIf(Answered, IntakeStep.Document, () => request.DocumentType != IdentityDocumentType.Other, "a document with a known name");
        _machine.Configure(IntakeStep.DocumentName).Permit(Answered, IntakeStep.Document);
        _machine.Configure(IntakeStep.Document).Permit(Answered, IntakeStep.IssuedOn);
        _machine.Configure(IntakeStep.IssuedOn).Permit(Answered, IntakeStep.Issuer);
        _machine.Configure(IntakeStep.Issuer)
            .PermitIf(Answered, IntakeStep.AttorneyNumber, () => request.ByRepresentative, "a representative: the power of attorney")
            .PermitIf(Answered, IntakeStep.Relation, () => !request.ByRepresentative, "the person themself");
        _machine.Configure(IntakeStep.AttorneyNumber).Permit(Answered, IntakeStep.AttorneyIssuedOn);
        _machine.Configure(IntakeStep.AttorneyIssuedOn).Permit(Answered, IntakeStep.AttorneyIssuer);
        _machine.Configure(IntakeStep.AttorneyIssuer).Permit(Answered, IntakeStep.Relation);
        _machine.Configure(IntakeStep.Relation)
            .PermitIf(Answered, IntakeStep.Statement, () => needsStatement, "the request states a claim")
            .PermitIf(Answered, IntakeStep.Justification, () => needsJustification, "a repeat access request within 30 days")
            .PermitIf(Answered, IntakeStep.Complete, () => !needsStatement && !needsJustification, "nothing more is needed");
        _machine.Configure(IntakeStep.Statement)
            .PermitIf(Answered, IntakeStep.Purpose, () => request.Type == RequestType.StopProcessing, "stop processing: for which purpose")
            .PermitIf(Answered, IntakeStep.Complete, () => request.Type != RequestType.StopProcessing, "the claim is stated");
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
        _ => IntakeStep.Applicant,
    };

    /// <summary>Moves to the next question after a valid answer.</summary>
    public IntakeStep Next()
    {
        _machine.Fire(Answered);
        return _machine.State;
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
