using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>The one-line message shown after a mailing action succeeded.</summary>
public static class MailingActionResult
{
    public static string Done(MailingTrigger trigger, Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return trigger switch
        {
            MailingTrigger.Submit when mailing.State == MailingState.AwaitingApproval =>
                $"Рассылка № {mailing.Id} ждёт одобрения: её должен одобрить администратор, который её не составлял.",
            MailingTrigger.Submit or MailingTrigger.Approve => $"Рассылка № {mailing.Id} запланирована"
                + (mailing.SendAtUtc is { } at ? $" на {AdminFormat.Time(at)}." : ": отправка начнётся сразу (в разрешённые часы)."),
            MailingTrigger.Reject => $"Рассылка № {mailing.Id} возвращена автору на доработку (снова черновик).",
            MailingTrigger.Pause => $"Рассылка № {mailing.Id} приостановлена.",
            MailingTrigger.Resume => $"Рассылка № {mailing.Id} продолжается.",
            MailingTrigger.Cancel => $"Рассылка № {mailing.Id} отменена: тем, до кого очередь не дошла, она не придёт.",
            _ => $"Рассылка № {mailing.Id}: {MailingService.StateTitle(mailing.State)}.",
        };
    }
}
