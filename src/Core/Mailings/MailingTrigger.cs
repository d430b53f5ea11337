namespace PdBot.Core.Mailings;

/// <summary>What moves a mailing between its states (see <see cref="MailingMachine"/>).</summary>
public enum MailingTrigger
{
    /// <summary>«Запланировать» / «Отправить»: scheduled, or awaiting approval under four-eyes.</summary>
    Submit,
    Approve,

    /// <summary>An admin sends it back to its author as a draft.</summary>
    Reject,

    /// <summary>The send time came (the runner fires it).</summary>
    Start,
    Pause,
    Resume,

    /// <summary>Every recipient has an outcome in the ledger.</summary>
    Complete,
    Cancel,
}
