namespace PdBot.Core.Reviews;

/// <summary>What moves a review through <see cref="ReviewMachine"/>.</summary>
public enum ReviewTrigger
{
    Submit,
    Publish,
    Reject,
    ConsentWithdrawn,
    TakeDown,
}
