using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Admin.Console;

/// <summary>The mailing pages over plain HTTP (no browser): actions per state and role, the form's checks, the CSV files.</summary>
public sealed partial class MailingPagesHttpTests(SharedConsoleHost shared) : IClassFixture<SharedConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    private IMailingStore Store => Host.Services.GetRequiredService<IMailingStore>();

    [Fact]
    public async Task Operators_see_exactly_the_actions_the_machine_permits_and_each_one_moves_the_mailing()
    {
        var created = await Host.Services.GetRequiredService<MailingService>().CreateAsync(MailingLedgerSeed.Promo, new MailingActor(ConsoleHost.OperatorLogin, false));
        var id = created.Mailing!.Id;
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);
        var page = Detail(id);

        Assert.Equal(["submit", "cancel"], Actions(await oleg.GetTextAsync(page)));
        await ActAsync(oleg, id, MailingTrigger.Submit);
        Assert.Equal(MailingState.Scheduled, Store.Find(id)!.State);
        Assert.Equal(["pause", "cancel"], Actions(await oleg.GetTextAsync(page)));
        await ActAsync(oleg, id, MailingTrigger.Pause);
        Assert.Equal(MailingState.Paused, Store.Find(id)!.State);
        Assert.Equal(["resume", "cancel"], Actions(await oleg.GetTextAsync(page)));
        await ActAsync(oleg, id, MailingTrigger.Resume);
        Assert.Equal(MailingState.Scheduled, Store.Find(id)!.State);
        await ActAsync(oleg, id, MailingTrigger.Cancel);

        var html = await oleg.GetTextAsync(page);
        Assert.Equal(MailingState.Cancelled, Store.Find(id)!.State);
        Assert.Empty(Actions(html));
        Assert.Contains("отменена", html, StringComparison.Ordinal);
        var events = MailingEntries(id).Select(e => (e.Event, e.Actor)).ToList();
        Assert.Equal(
            [("created", "oleg"), ("submitted", "oleg"), ("paused", "oleg"), ("resumed", "oleg"), ("cancelled", "oleg")],
            events);
    }

    [Fact]
    public async Task A_trigger_the_state_does_not_permit_is_refused_in_russian_and_changes_nothing()
    {
        var created = await Host.Services.GetRequiredService<MailingService>().CreateAsync(MailingLedgerSeed.Promo, new MailingActor(ConsoleHost.OperatorLogin, false));
        var id = created.Mailing!.Id;
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);

        // Without four-eyes an operator has nothing to approve, and a draft cannot be paused.
        await ActAsync(oleg, id, MailingTrigger.Pause);
        var afterPause = await oleg.GetTextAsync(Detail(id));
        await ActAsync(oleg, id, MailingTrigger.Approve);

        Assert.Contains("недоступно", afterPause, StringComparison.Ordinal);
        Assert.Equal(MailingState.Draft, Store.Find(id)!.State);
        Assert.Equal(["created"], MailingEntries(id).Select(e => e.Event));
    }

    [Fact]
    public async Task An_auditor_reads_mailings_without_any_form_and_a_forged_post_changes_nothing()
    {
        var mailing = await MailingLedgerSeed.ScheduledAsync(Host);
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);

        var list = await irina.GetTextAsync("/admin/mailings");
        var detail = await irina.GetTextAsync(Detail(mailing.Id));
        using var compose = await irina.GetAsync("/admin/mailings/new");

        Assert.Contains($"href=\"/admin/mailings/{mailing.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-mailing\"", list, StringComparison.Ordinal);
        Assert.Contains("id=\"read-only\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"actions-form\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"test-send\"", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"stat-recipients\"", detail, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", PathOf(compose), StringComparison.Ordinal);

        // The auditor's own token (the sign-out form's) does not make the post allowed.
        using var cancel = await irina.PostFormAsync(Detail(mailing.Id), Detail(mailing.Id) + "/act", [new("trigger", "Cancel")]);
        using var test = await irina.PostFormAsync(Detail(mailing.Id), Detail(mailing.Id) + "/testsend", []);
        using var save = await irina.PostFormAsync("/admin/mailings", "/admin/mailings/new/save", [new("Form.Text", "Текст"), new("Form.Channels", "vk")]);

        Assert.All([cancel, test, save], r => Assert.StartsWith("/admin/denied", PathOf(r), StringComparison.Ordinal));
        Assert.Equal(MailingState.Scheduled, Store.Find(mailing.Id)!.State);
        Assert.DoesNotContain(MailingEntries(mailing.Id), e => e.Actor == ConsoleHost.AuditorLogin);
    }

    [Fact]
    public async Task A_telegram_text_over_its_limit_is_refused_with_the_limit_and_every_field_comes_back_as_typed()
    {
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);
        var before = Store.All().Count;
        var text = "Очень длинный текст рассылки. " + new string('ж', 4100);

        using var response = await oleg.PostFormAsync("/admin/mailings/new", "/admin/mailings/new/save",
        [
            new("Form.Text", text), new("Form.LinkLabels[0]", "Записаться"), new("Form.LinkUrls[0]", "https://medaclinic.ru/zapis"),
            new("Form.Topic", "news"), new("Form.Channels", "telegram"), new("Form.Kind", "Informational"), new("Form.Later", "false"),
        ]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Текст длиннее, чем допускает Telegram: {text.Length} символов при пределе 4096."), html, StringComparison.Ordinal);
        Assert.Contains(">" + text + "</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Записаться\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"https://medaclinic.ru/zapis\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"news\" selected=\"selected\">", html);
        Assert.Matches("id=\"m-kind-Informational\"[^>]*checked=\"checked\"", html);
        Assert.DoesNotMatch("id=\"m-channel-vk\"[^>]*checked", html);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"data-length=\"{text.Length}\" data-limit=\"4096\""), html, StringComparison.Ordinal);
        Assert.Equal(before, Store.All().Count);
    }

    [Fact]
    public async Task A_send_time_is_read_as_clinic_time_stored_in_utc_and_shown_back_for_editing()
    {
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);

        using var response = await oleg.PostFormAsync("/admin/mailings/new", "/admin/mailings/new/save",
        [
            new("Form.Text", "Клиника работает 31 декабря до 15:00."), new("Form.Topic", "news"), new("Form.Channels", "vk"),
            new("Form.Channels", "telegram"), new("Form.Kind", "Informational"), new("Form.Later", "true"), new("Form.SendAt", "2026-12-01T10:00"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(MailingIdPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        var mailing = Store.Find(id)!;
        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), mailing.SendAtUtc);
        Assert.Equal([MailingChannels.Vk, MailingChannels.Telegram], mailing.Channels);
        Assert.Equal(MailingKind.Informational, mailing.Kind);
        Assert.Contains("01.12.2026 10:00:00 МСК", await oleg.GetTextAsync(Detail(id)), StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-01T10:00\"", await oleg.GetTextAsync($"/admin/mailings/edit/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statistics_and_ledger_csv_say_each_outcome_in_russian_and_every_download_is_audited()
    {
        var people = await PeopleAsync(Host, "61", 4);
        var mailing = await MailingLedgerSeed.ScheduledAsync(Host);
        await MailingLedgerSeed.StartAsync(Host, mailing.Id,
        [
            (people[0], MailingChannels.Telegram, MailingDeliveryState.Sent, null),
            (people[1], MailingChannels.Telegram, MailingDeliveryState.Failed, MailingSkipReasons.BotBlocked),
            (people[2], MailingChannels.Telegram, MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn),
            (people[3], MailingChannels.Telegram, MailingDeliveryState.Pending, null),
        ]);
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);

        var statistics = Lines(await irina.GetTextAsync(Detail(mailing.Id) + "/statistics"));
        var ledger = Lines(await irina.GetTextAsync(Detail(mailing.Id) + "/ledger"));

        Assert.Equal(
            [
                "mailing_id,state,recipients,sent,failed,failed_blocked_or_denied,skipped_consent_ended,unknown,cancelled,waiting,unsubscribed_within_72h,ledger_sha256",
                string.Create(CultureInfo.InvariantCulture, $"{mailing.Id},отправляется,4,1,1,1,1,0,0,1,0,"),
            ],
            statistics);
        Assert.Equal("person_id,channel,outcome,reason,consent_version,consent_text_hash,time,platform_message_id", ledger[0]);
        Assert.Equal(5, ledger.Count);
        var sent = Assert.Single(ledger, l => l.StartsWith(people[0], StringComparison.Ordinal));
        var catalog = Host.Services.GetRequiredService<ConsentCatalog>();
        var hash = Host.Services.GetRequiredService<IConsentStore>().FindText(catalog.Mailing.Id, catalog.Mailing.Version)!.Hash;
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{people[0]},Telegram,отправлено,,{catalog.Mailing.Version},{hash},2026-11-23T09:00:00.000Z,7919"), sent);
        Assert.Contains(ledger, l => l.StartsWith(people[1] + ",Telegram,не доставлено,заблокировал бота,", StringComparison.Ordinal));
        Assert.Contains(ledger, l => l.StartsWith(people[2] + ",Telegram,пропущено,согласие отозвано,", StringComparison.Ordinal));
        Assert.Contains(ledger, l => l.StartsWith(people[3] + ",Telegram,ожидает,,", StringComparison.Ordinal));
        var exports = MailingEntries(mailing.Id).Where(e => e.Event == MailingEvents.Exported).ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(ConsoleHost.AuditorLogin, e.Actor));
        Assert.Contains(exports, e => e.Detail!.Contains("журнал доставки", StringComparison.Ordinal));
        Assert.True(Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task The_subscription_link_builder_says_which_settings_are_missing_and_refuses_a_bad_source_name()
    {
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);

        var unset = WebUtility.HtmlDecode(await anna.GetTextAsync("/admin/subscribers?link=poster-reception"));
        var bad = WebUtility.HtmlDecode(await anna.GetTextAsync("/admin/subscribers?link=" + Uri.EscapeDataString("плакат в холле")));

        Assert.Contains("Telegram:BotUsername", unset, StringComparison.Ordinal);
        Assert.Contains("Vk:Community", unset, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"link-telegram\"", unset, StringComparison.Ordinal);
        Assert.Contains("id=\"link-error\"", bad, StringComparison.Ordinal);
        Assert.Contains("латинских букв", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_quiet_hours_a_sending_mailing_says_it_waits_and_when_it_goes_on()
    {
        // A host of its own: this test moves the clock to the evening.
        await using var host = await ConsoleHost.StartAsync();
        var people = await PeopleAsync(host, "62", 2);
        var mailing = await MailingLedgerSeed.ScheduledAsync(host);
        await MailingLedgerSeed.StartAsync(host, mailing.Id, [(people[0], MailingChannels.Telegram, MailingDeliveryState.Sent, null), (people[1], MailingChannels.Telegram, MailingDeliveryState.Pending, null)]);
        using var day = await ConsoleClient.SignInAsync(host, ConsoleHost.OperatorLogin);
        var daytime = await day.GetTextAsync(Detail(mailing.Id));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero)); // 22:30 МСК
        using var evening = await ConsoleClient.SignInAsync(host, ConsoleHost.OperatorLogin);
        var detail = WebUtility.HtmlDecode(await evening.GetTextAsync(Detail(mailing.Id)));
        var list = WebUtility.HtmlDecode(await evening.GetTextAsync("/admin/mailings"));

        Assert.DoesNotContain("id=\"quiet-note\"", daytime, StringComparison.Ordinal);
        Assert.Contains("Сейчас тихие часы: рассылки уходят только с 09:00–21:00 МСК. Отправка продолжится 24.11.2026 09:00:00 МСК.", detail, StringComparison.Ordinal);
        Assert.Contains("сейчас тихие часы, отправка возобновится 24.11.2026 09:00:00 МСК", list, StringComparison.Ordinal);
        Assert.Contains("quiet-note", list, StringComparison.Ordinal);
    }

    /// <summary>People who gave the mailing consent on Telegram; their pseudonymous ids.</summary>
    internal static async Task<List<string>> PeopleAsync(ConsoleHost host, string prefix, int count)
    {
        var store = host.Services.GetRequiredService<IConsentStore>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var userId = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D3}");
            await host.GiveMailingConsentAsync(userId);
            ids.Add(store.FindPerson("telegram", userId)!.Id);
        }

        return ids;
    }

    private static string Detail(long id) => string.Create(CultureInfo.InvariantCulture, $"/admin/mailings/{id}");

    private static async Task ActAsync(ConsoleClient client, long id, MailingTrigger trigger)
    {
        using var response = await client.PostFormAsync(Detail(id), Detail(id) + "/act", [new("trigger", trigger.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Detail(id), response.Headers.Location!.OriginalString);
    }

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private static List<string> Actions(string html) => [.. ActionPattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> Lines(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private List<AuditEntry> MailingEntries(long id) =>
        [.. Host.Audit.ReadAll().Where(e => e.Kind == MailingEvents.Kind && e.Detail is { } d && d.StartsWith(string.Create(CultureInfo.InvariantCulture, $"рассылка № {id}:"), StringComparison.Ordinal))];

    [GeneratedRegex("id=\"act-([a-z]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"/admin/mailings/(\d+)$")]
    private static partial Regex MailingIdPattern();
}
