using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Chat;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One mailing: what it says (previewed per platform), where it is, the actions the machine and the role allow, its
/// statistics and the two CSV files. Every action goes through <see cref="MailingService"/>, which audits it; the
/// role is checked first, so a forged post from an auditor changes nothing.
/// </summary>
public sealed class MailingsDetailModel(
    MailingService mailings, IMailingStore store, IConsentStore consents, ConsentCatalog catalog, WebChatAdapter chat, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Mailing Current { get; private set; } = null!;

    public MailingStatistics Statistics { get; private set; } = null!;

    public IReadOnlyList<MailingPreview> Previews { get; private set; } = [];

    public IReadOnlyList<MailingTrigger> Actions { get; private set; } = [];

    public string? QuietNote { get; private set; }

    public MailingOptions Options => mailings.Options;

    public bool RequireApproval => mailings.Options.RequireApproval;

    public IActionResult OnGet()
    {
        if (store.Find(Id) is not { } mailing)
        {
            return NotFound();
        }

        Current = mailing;
        Statistics = mailings.Statistics(Id, consents, catalog.Mailing.Id);
        Previews = MailingPreview.For(mailing);
        Actions = MailingActions.For(mailings.Machine(mailing), mailing, CanAct, IsAdmin, AdminLogin);
        QuietNote = MailingQuietHoursNote.For(mailing, mailings.Hours, time.GetUtcNow());
        return Page();
    }

    /// <summary>One of the buttons: the trigger's name comes from the form, the reason only with «Вернуть на доработку».</summary>
    public async Task<IActionResult> OnPostActAsync([FromForm] string? trigger, [FromForm] string? reason)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (store.Find(Id) is not { } mailing)
        {
            return NotFound();
        }

        if (!Enum.TryParse<MailingTrigger>(trigger, out var t)
            || !MailingActions.For(mailings.Machine(mailing), mailing, CanAct, IsAdmin, AdminLogin).Contains(t))
        {
            return Back($"Это действие недоступно: рассылка № {Id} {MailingService.StateTitle(mailing.State)}. Ничего не изменено.", error: true);
        }

        var actor = new MailingActor(AdminLogin, IsAdmin);
        var ct = HttpContext.RequestAborted;
        var result = t switch
        {
            MailingTrigger.Submit => await mailings.SubmitAsync(Id, actor, ct),
            MailingTrigger.Approve => await mailings.ApproveAsync(Id, actor, ct),
            MailingTrigger.Reject => await mailings.RejectAsync(Id, actor, reason?.Trim(), ct),
            MailingTrigger.Pause => await mailings.PauseAsync(Id, actor, ct),
            MailingTrigger.Resume => await mailings.ResumeAsync(Id, actor, ct),
            _ => await mailings.CancelAsync(Id, actor, ct),
        };
        return result.Ok ? Back(MailingActionResult.Done(t, result.Mailing!)) : Back(string.Join(" ", result.Errors), error: true);
    }

    /// <summary>Sends the mailing, as the platforms will get it, to this admin's test chat (the local channel).</summary>
    public async Task<IActionResult> OnPostTestSendAsync()
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (store.Find(Id) is not { } mailing)
        {
            return NotFound();
        }

        var userId = chat.Sessions.UserIdOf(AdminLogin);

        // Not the request's token: a message handed to the chat is shown even if the browser went away meanwhile.
        await chat.ContinueConversationAsync(WebChatAdapter.Channel, userId, $"mailing-test-{Id}",
            (turn, ct) => turn.SendAsync(MailingMessage.Build(mailing), ct), CancellationToken.None);
        await NoteAsync(MailingEvents.TestSent, $"рассылка № {Id}: тестовая отправка в тестовый чат консоли");
        return Back($"Рассылка № {Id} отправлена в ваш тестовый чат — откройте «Тестовый чат».");
    }

    /// <summary>GET /admin/mailings/{id}/statistics: the counts as CSV.</summary>
    public async Task<IActionResult> OnGetStatisticsAsync()
    {
        if (store.Find(Id) is not { } mailing)
        {
            return NotFound();
        }

        await NoteAsync(MailingEvents.Exported, $"рассылка № {Id}: статистика CSV");
        var statistics = mailings.Statistics(Id, consents, catalog.Mailing.Id);
        await CsvDownload.WriteAsync(Response, $"mailing-{Id}-statistics.csv", MailingExport.StatisticsColumns, [MailingExport.StatisticsRow(mailing, statistics)]);
        return new EmptyResult();
    }

    /// <summary>GET /admin/mailings/{id}/ledger: one row per recipient, with what covered the send.</summary>
    public async Task<IActionResult> OnGetLedgerAsync()
    {
        if (store.Find(Id) is null)
        {
            return NotFound();
        }

        await NoteAsync(MailingEvents.Exported, $"рассылка № {Id}: журнал доставки CSV");
        await CsvDownload.WriteAsync(Response, $"mailing-{Id}-ledger.csv", MailingExport.LedgerColumns, store.Deliveries(Id).Select(MailingExport.LedgerRow));
        return new EmptyResult();
    }

    private async Task NoteAsync(string evt, string detail)
    {
        // Read again just before the write, so the stored mailing is the newest; the entry's time is taken from it.
        var mailing = store.Find(Id)!;
        mailing.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await mailings.NoteAsync(mailing, evt, new MailingActor(AdminLogin, IsAdmin), detail, CancellationToken.None);
    }

    // Post-redirect-get: a reload does not repeat the action.
    private LocalRedirectResult Back(string message, bool error = false)
    {
        (Flash, FlashIsError) = (message, error);
        return LocalRedirect($"{AdminConsole.Path}/mailings/{Id}");
    }
}
