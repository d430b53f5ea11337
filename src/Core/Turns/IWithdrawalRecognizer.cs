namespace PdBot.Core.Turns;

/// <summary>
/// Tells, on arrival and before any processing, whether an update demands that processing stop (unsubscribe words,
/// an «Отписаться» press, a block, "deny messages"): such updates jump the queue of other people's work (Art. 15).
/// </summary>
public interface IWithdrawalRecognizer
{
    bool IsWithdrawal(Activity activity);
}
