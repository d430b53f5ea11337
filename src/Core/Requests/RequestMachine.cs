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

        _machine.Configure(RequestState.AwaitingIdentity)
            .Permit(RequestTrigger.ConfirmIdentity, RequestState.InProgress)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        // Extension: once (Extended has no Extend), by law only for some types, only before the original due date.
        _machine.Configure(RequestState.InProgress)
            .PermitIf(RequestTrigger.Extend, RequestState.Extended, () => extensionAllowed, "the law allows extending this type")
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        _machine.Configure(RequestState.Extended)
            .Permit(RequestTrigger.Block, RequestState.Blocked)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);

        _machine.Configure(RequestState.Blocked)
            .Permit(RequestTrigger.Unblock, RequestState.InProgress)
            .Permit(RequestTrigger.Answer, RequestState.Answered)
            .Permit(RequestTrigger.Refuse, RequestState.Refused);
    }

    public RequestState State => _request.State;

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
