namespace PdBot.Core.Mailings;

/// <summary>Where a mailing is in its life: draft → (awaiting approval →) scheduled → sending ⇄ paused → completed | cancelled.</summary>
public enum MailingState
{
    Draft,

    /// <summary>Four-eyes (<c>Mailings:RequireApproval</c>): composed by an operator, waits for an admin.</summary>
    AwaitingApproval,
    Scheduled,
    Sending,
    Paused,
    Completed,
    Cancelled,
}
