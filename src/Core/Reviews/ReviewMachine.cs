using Stateless;

namespace PdBot.Core.Reviews;

/// <summary>
/// draft → received → published | rejected | withdrawn; published → «снять немедленно» (consent withdrawn) | taken down
/// (operator); «снять немедленно» → taken down.
/// </summary>
public sealed class ReviewMachine
{
    private readonly StateMachine<ReviewState, ReviewTrigger> _machine;

    public ReviewMachine(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        _machine = new StateMachine<ReviewState, ReviewTrigger>(() => review.State, s => review.State = s);
        _machine.Configure(ReviewState.Draft).Permit(ReviewTrigger.Submit, ReviewState.Received);
        _machine.Configure(ReviewState.Received)
            .Permit(ReviewTrigger.Publish, ReviewState.Published)
            .Permit(ReviewTrigger.Reject, ReviewState.Rejected)
            .Permit(ReviewTrigger.ConsentWithdrawn, ReviewState.Withdrawn);
        _machine.Configure(ReviewState.Published)
            .Permit(ReviewTrigger.ConsentWithdrawn, ReviewState.TakeDownNow)
            .Permit(ReviewTrigger.TakeDown, ReviewState.TakenDown);
        _machine.Configure(ReviewState.TakeDownNow).Permit(ReviewTrigger.TakeDown, ReviewState.TakenDown);
    }

    public bool CanFire(ReviewTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(ReviewTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }
}
