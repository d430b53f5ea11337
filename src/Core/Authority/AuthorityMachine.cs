using Stateless;

namespace PdBot.Core.Authority;

/// <summary>
/// Received → (Extended) → Answered. Extended has no Extend: the term is extended once only.
/// </summary>
public sealed class AuthorityMachine
{
    private readonly StateMachine<AuthorityState, AuthorityTrigger> _machine;

    public AuthorityMachine(AuthorityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _machine = new StateMachine<AuthorityState, AuthorityTrigger>(() => request.State, s => request.State = s);
        _machine.Configure(AuthorityState.Received)
            .Permit(AuthorityTrigger.Extend, AuthorityState.Extended)
            .Permit(AuthorityTrigger.Answer, AuthorityState.Answered);
        _machine.Configure(AuthorityState.Extended)
            .Permit(AuthorityTrigger.Answer, AuthorityState.Answered);
    }

    public bool CanFire(AuthorityTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(AuthorityTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }
}
