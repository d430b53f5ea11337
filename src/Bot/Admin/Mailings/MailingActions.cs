using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>
/// The actions a console user sees for a mailing: exactly those the machine permits now, less those their role may
/// not take. Start and Complete are the runner's, never a button.
/// </summary>
public static class MailingActions
{
    private static readonly MailingTrigger[] Buttons =
        [MailingTrigger.Submit, MailingTrigger.Approve, MailingTrigger.Reject, MailingTrigger.Pause, MailingTrigger.Resume, MailingTrigger.Cancel];

    public static IReadOnlyList<MailingTrigger> For(MailingMachine machine, Mailing mailing, bool canAct, bool isAdmin, string login)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(mailing);
        if (!canAct)
        {
            return [];
        }

        var permitted = machine.PermittedTriggers.ToHashSet();
        return [.. Buttons.Where(permitted.Contains).Where(t => Allowed(t, mailing, isAdmin, login))];
    }

    /// <summary>Four-eyes: only an admin approves or returns, and never their own mailing's approval.</summary>
    public static bool Allowed(MailingTrigger trigger, Mailing mailing, bool isAdmin, string login)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return trigger switch
        {
            MailingTrigger.Approve => isAdmin && !string.Equals(mailing.CreatedBy, login, StringComparison.OrdinalIgnoreCase),
            MailingTrigger.Reject => isAdmin,
            MailingTrigger.Start or MailingTrigger.Complete => false,
            _ => true,
        };
    }
}
