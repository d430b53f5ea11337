using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Unsubscribe;

/// <summary>The bot's own reading of a demand to stop, used at ingestion: the same classifier and buttons the turn acts on.</summary>
public sealed class WithdrawalRecognizer : IWithdrawalRecognizer
{
    private static readonly string[] StopPresses = [Payload.Unsubscribe, Payload.StopYes, Payload.Withdraw];

    public bool IsWithdrawal(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityType.Blocked or ActivityType.Unsubscribed => true,
            ActivityType.Message => StopIntentClassifier.Classify(activity.Text) == StopIntent.Unsubscribe,
            ActivityType.ButtonPress => Payload.Parse(activity.Payload) is { } p && StopPresses.Contains(p.Action),
            _ => false,
        };
    }
}
