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
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        _machine.Configure(RequestState.AwaitingDetails)
            .Permit(RequestTrigger.DetailsComplete, RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        // Blocking may start before the identity check (Art. 21 part 1: from the moment the request arrives).
        _machine.Configure(RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.ConfirmIdentity, RequestState.InProgress)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        // Extension: once (Extended has no Extend, and a request back in progress after Blocked keeps its
        // ExtensionReason), by law only for some types, only before the original due date.
        _machine.Configure(RequestState.InProgress)
            .OnEntryFrom(RequestTrigger.ConfirmIdentity, MarkIdentityConfirmed)
            .PermitIf(RequestTrigger.Extend, RequestState.Extended, () => extensionAllowed && request.ExtensionReason is null, "the law allows extending this type, not extended before")
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        _machine.Configure(RequestState.Extended)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        // Nothing is answered to someone whose identity was never confirmed, blocked or not.
        _machine.Configure(RequestState.Blocked)
            .InternalTransitionIf(RequestTrigger.ConfirmIdentity, _ => !request.IdentityConfirmed, _ => request.IdentityConfirmed = true, "identity not yet confirmed")
            .PermitIf(RequestTrigger.Unblock, RequestState.InProgress, () => request.IdentityConfirmed, "identity confirmed")
            .PermitIf(RequestTrigger.Unblock, RequestState.AwaitingIdentity, () => !request.IdentityConfirmed, "identity not yet confirmed")
            .PermitIf(RequestTrigger.Answer, RequestState.Answered, () => request.IdentityConfirmed, "identity confirmed")
            .Permit(RequestTrigger.Refuse, RequestState.Refused);
    }

    public RequestState State => _request.State;

    private void MarkIdentityConfirmed() => _request.IdentityConfirmed = true;

    public (RequestState State, RequestTrigger Trigger)? Refusal { get; private set; }

    public bool CanFire(RequestTrigger trigger) => _machine.CanFire(trigger);

    public IReadOnlyList<RequestTrigger> PermittedTriggers => [.. Enum.GetValues<RequestTrigger>().Where(_machine.CanFire)];

    public bool Fire(RequestTrigger trigger)
    {
        Refusal = null;
        _machine.Fire(trigger);
        return Refusal is null;
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());
}
