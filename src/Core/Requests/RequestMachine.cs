using Stateless;
using Stateless.Graph;

namespace PdBot.Core.Requests;

/// <summary>
/// The life cycle of one subject request. Built fresh around the stored request; a trigger that does
/// not fit (a second extension, approving before the identity check…) is refused, never thrown.
/// </summary>
public sealed class RequestMachine
{
    private readonly SubjectRequest _request;
    private readonly StateMachine<RequestState, RequestTrigger> _machine;

    public RequestMachine(SubjectRequest request, bool extensionAllowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _machine = new StateMachine<RequestState, RequestTrigger>(() => request.State, s => request.State = s);
        _machine.OnUnhandledTrigger((state, trigger) => Refusal = (state, trigger));

        _machine.Configure(RequestState.Received)
            .Permit(RequestTrigger.AskDetails, RequestState.AwaitingDetails)
            .Permit(RequestTrigger.DetailsComplete, RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Cancel, RequestState.Cancelled)
            .Permit(RequestTrigger.Close, RequestState.Closed);

        // The person may cancel while the form is open; that is theirs, never a refusal by the clinic.
        _machine.Configure(RequestState.AwaitingDetails)
            .Permit(RequestTrigger.DetailsComplete, RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Cancel, RequestState.Cancelled)
            .Permit(RequestTrigger.Close, RequestState.Closed);

        // Blocking may start before the identity check (Art. 21 part 1: from the moment the request arrives).
        _machine.Configure(RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.ConfirmIdentity, RequestState.InProgress)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Supersede, RequestState.Superseded)
            .Permit(RequestTrigger.Close, RequestState.Closed);

        // Extension: once (Extended has no Extend, and a request back in progress after Blocked keeps its
        // ExtensionReason), by law only for some types, only before the original due date.
        _machine.Configure(RequestState.InProgress)
            .OnEntryFrom(RequestTrigger.ConfirmIdentity, MarkIdentityConfirmed)
            .PermitIf(RequestTrigger.Extend, RequestState.Extended, () => extensionAllowed && request.ExtensionReason is null, "the law allows extending this type, not extended before")
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Supersede, RequestState.Superseded)
            .Permit(RequestTrigger.Close, RequestState.Closed);

        _machine.Configure(RequestState.Extended)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Supersede, RequestState.Superseded)
            .Permit(RequestTrigger.Close, RequestState.Closed);

        // Nothing is answered to someone whose identity was never confirmed, blocked or not.
        _machine.Configure(RequestState.Blocked)
            .InternalTransitionIf(RequestTrigger.ConfirmIdentity, _ => !request.IdentityConfirmed, _ => request.IdentityConfirmed = true, "identity not yet confirmed")
            .PermitIf(RequestTrigger.Unblock, RequestState.InProgress, () => request.IdentityConfirmed, "identity confirmed")
            .PermitIf(RequestTrigger.Unblock, RequestState.AwaitingIdentity, () => !request.IdentityConfirmed, "identity not yet confirmed")
            .PermitIf(RequestTrigger.Answer, RequestState.Answered, () => request.IdentityConfirmed, "identity confirmed")
            .Permit(RequestTrigger.Refuse, RequestState.Refused)
            .Permit(RequestTrigger.Supersede, RequestState.Superseded)
            .Permit(RequestTrigger.Close, RequestState.Closed);
    }

    public RequestState State => _request.State;

    private void MarkIdentityConfirmed() => _request.IdentityConfirmed = true;

    public (RequestState State, RequestTrigger Trigger)? Refusal { get; private set; }

    public bool CanFire(RequestTrigger trigger) => _machine.CanFire(trigger);

    public IReadOnlyList<RequestTrigger> PermittedTriggers => [.. Enum.GetValues<RequestTrigger>().Where(_machine.CanFire)];

    public bool AskDetails() => Fire(RequestTrigger.AskDetails);

    public bool CompleteDetails() => Fire(RequestTrigger.DetailsComplete);

    public bool ConfirmIdentity() => Fire(RequestTrigger.ConfirmIdentity);

    public bool Block() => Fire(RequestTrigger.Block);

    public bool Unblock() => Fire(RequestTrigger.Unblock);

    /// <summary>Extends the due date once; the caller has checked the days and the law.</summary>
    public bool Extend(DateOnly newDue, string reason, bool provisional)
    {
        if (string.IsNullOrWhiteSpace(reason) || !Fire(RequestTrigger.Extend))
        {
            return false;
        }

        (_request.DueDate, _request.ExtensionReason) = (newDue, reason.Trim());
        _request.DueIsProvisional |= provisional;
        return true;
    }

    public bool Answer(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Fire(RequestTrigger.Answer))
        {
            return false;
        }

        _request.AnswerText = text;
        return true;
    }

    public bool Refuse(string reason) => Close(RequestTrigger.Refuse, reason, r => r.RefusalReason = reason.Trim());

    /// <summary>The person cancelled (or left the form for 24 hours): «отменён заявителем», never Refused.</summary>
    public bool Cancel(string reason) => Close(RequestTrigger.Cancel, reason, r => r.CloseReason = reason.Trim());

    /// <summary>A new consent made the withdrawal moot: nothing is destroyed.</summary>
    public bool Supersede(string reason) => Close(RequestTrigger.Supersede, reason, r => r.CloseReason = reason.Trim());

    /// <summary>Nobody is left to answer (the person's data were destroyed).</summary>
    public bool CloseWithoutAnswer(string reason) => Close(RequestTrigger.Close, reason, r => r.CloseReason = reason.Trim());

    /// <summary>Fires any trigger; used by the transition-table test.</summary>
    public bool Fire(RequestTrigger trigger)
    {
        Refusal = null;
        _machine.Fire(trigger);
        return Refusal is null;
    }

    private bool Close(RequestTrigger trigger, string reason, Action<SubjectRequest> record)
    {
        if (string.IsNullOrWhiteSpace(reason) || !Fire(trigger))
        {
            return false;
        }

        record(_request);
        return true;
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
