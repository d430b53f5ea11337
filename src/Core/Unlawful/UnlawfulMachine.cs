using Stateless;

namespace PdBot.Core.Unlawful;

/// <summary>
/// Detected → Stopped → Remedied | Destroyed; data that cannot be destroyed in time are Blocked, then Destroyed
/// (policy 6.2.11). Remedied and Destroyed are final.
/// </summary>
public sealed class UnlawfulMachine
{
    private static readonly UnlawfulTrigger[] Order = [UnlawfulTrigger.Stop, UnlawfulTrigger.Remedy, UnlawfulTrigger.Destroy, UnlawfulTrigger.Block];

    private readonly StateMachine<UnlawfulState, UnlawfulTrigger> _machine;

    public UnlawfulMachine(UnlawfulCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        _machine = new StateMachine<UnlawfulState, UnlawfulTrigger>(() => @case.State, s => @case.State = s);
        _machine.Configure(UnlawfulState.Detected)
            .Permit(UnlawfulTrigger.Stop, UnlawfulState.Stopped)
            .Permit(UnlawfulTrigger.Remedy, UnlawfulState.Remedied)
            .Permit(UnlawfulTrigger.Destroy, UnlawfulState.Destroyed)
            .Permit(UnlawfulTrigger.Block, UnlawfulState.Blocked);
        _machine.Configure(UnlawfulState.Stopped)
            .Permit(UnlawfulTrigger.Remedy, UnlawfulState.Remedied)
            .Permit(UnlawfulTrigger.Destroy, UnlawfulState.Destroyed)
            .Permit(UnlawfulTrigger.Block, UnlawfulState.Blocked);
        _machine.Configure(UnlawfulState.Blocked)
            .Permit(UnlawfulTrigger.Destroy, UnlawfulState.Destroyed);
    }

    /// <summary>The actions the state allows now, in the order the page shows them.</summary>
    public IReadOnlyList<UnlawfulTrigger> Actions => [.. Order.Where(_machine.CanFire)];

    public bool CanFire(UnlawfulTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(UnlawfulTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    public static bool IsFinal(UnlawfulState state) => state is UnlawfulState.Remedied or UnlawfulState.Destroyed;
}
