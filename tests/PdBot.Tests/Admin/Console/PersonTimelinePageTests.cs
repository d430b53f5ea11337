using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Tests.Mailings;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Admin.Console;

/// <summary>The person page in headless Chromium: the merged timeline, who looked, and the evidence pack downloads.</summary>
public sealed class PersonTimelinePageTests
{
    private const string Document = "4510 987654";

    [Fact]
    public async Task From_the_consent_log_one_click_shows_the_persons_timeline_given_then_withdrawn_with_versions_and_hashes()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("3001");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Chat("3001").Send("Отписаться").SkipReplies().StartTestAsync();
        var consentEntries = host.Audit.ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind).OrderBy(e => e.Seq).ToList();
        var personId = consentEntries[0].PersonId!;
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/consents");

        browser.Find("tr.consent-row a.person-link").Click();

        Assert.Equal("/admin/people/" + personId, browser.Location);
        Assert.Equal(personId, browser.Find("#person-id").Text);
        Assert.Equal("3001", browser.Find("#person-platform-id").Text);
        Assert.Equal("Telegram", browser.Find("#person-channel").Text);
        var rows = browser.FindAll("tr.timeline-row[data-kind='consent']");
        Assert.Equal([AuditEvents.Given, AuditEvents.Withdrawn], rows.Select(r => r.GetAttribute("data-event")));
        Assert.Equal(consentEntries.Select(e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-seq")));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(consentEntries[i].TextHash, rows[i].FindElement(By.CssSelector(".text-hash")).Text);
            Assert.Equal("v" + consentEntries[i].TextVersion, rows[i].FindElement(By.CssSelector("a.text-link")).Text);
            Assert.Contains(consentEntries[i].Hash, rows[i].FindElement(By.CssSelector(".entry-hash")).Text, StringComparison.Ordinal);
        }

        Assert.Contains("дано", rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("отозвано", rows[1].Text, StringComparison.Ordinal);
        var now = Assert.Single(browser.FindAll("tr.consent-now"));
        Assert.Equal(nameof(ConsentState.Withdrawn), now.GetAttribute("data-state"));
        Assert.Contains(browser.FindAll("#admin-access tr.access-row"), r => r.Text.Contains(ConsoleHost.AdminLogin, StringComparison.Ordinal));
        Assert.True(browser.Exists("#evidence-json") && browser.Exists("#evidence-csv") && browser.Exists("#evidence-zip"));
        browser.Screenshot("person-timeline");
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.AdminLogin && e.PersonId == personId && e.Detail == "person timeline");
    }

    [Fact]
    public async Task A_subject_request_its_history_and_the_answer_sent_appear_in_order_and_the_evidence_never_holds_the_document_number()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("4001");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Chat("4001").Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).Press("О себе").Press("Паспорт РФ").SkipReplies()
            .Send(Document).Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор № 77 от 01.02.2026").SkipReplies()
            .StartTestAsync();
        var service = host.Services.GetRequiredService<RequestService>();
        var request = Assert.Single(service.Queue());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await service.ConfirmIdentityAsync(request.Id, ConsoleHost.OperatorLogin)).Ok);
        Assert.True((await service.ApproveAsync(request.Id, ConsoleHost.OperatorLogin)).Ok);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await OutboxDispatcher.DeliverAsync(host.Services.GetRequiredService<IOutbox>(), new TestAdapter("telegram", "4001"), "telegram", host.Clock, default));
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);

        browser.Open("/admin/people/" + request.PersonId);

        var events = browser.FindAll("tr.timeline-row").Select(r => (Kind: r.GetAttribute("data-kind"), Event: r.GetAttribute("data-event"))).ToList();
        Assert.Equal(
            [("consent", "given"), ("request", "request-received"), ("request", "request-identity-confirmed"), ("request", "request-answered"), ("message", "message-sent")],
            events.Where(e => e.Kind is "consent" || (e.Kind is "request" or "message" && e.Event is "request-received" or "request-identity-confirmed" or "request-answered" or "message-sent")));
        Assert.Contains(browser.FindAll("tr.timeline-row[data-source='request-history']"), r => r.GetAttribute("data-event") == "answer-delivered");
        Assert.Contains("запрос получен", browser.Find("tr.timeline-row[data-event='request-received']").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", WithoutHashes(browser.PageText), StringComparison.Ordinal);

        var cookie = SessionCookie(browser);
        var json = await DownloadAsync(host, cookie, $"/admin/people/{request.PersonId}/evidence.json");
        var csv = await DownloadAsync(host, cookie, $"/admin/people/{request.PersonId}/evidence.csv");

        foreach (var file in new[] { json, csv })
        {
            Assert.DoesNotContain("987654", WithoutHashes(file), StringComparison.Ordinal);
        }

        using var doc = JsonDocument.Parse(json);
        var r = Assert.Single(doc.RootElement.GetProperty("requests").EnumerateArray());
        Assert.Equal("••••••7654", r.GetProperty("masked_document").GetString());
        var timeline = doc.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.True(timeline.IndexOf("request-received") < timeline.IndexOf("request-answered"));
        Assert.True(timeline.IndexOf("request-answered") < timeline.IndexOf("message-sent"));
        Assert.Contains(",request,request-received,telegram,", csv, StringComparison.Ordinal);
        Assert.Contains(",message,message-sent,telegram,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_pack_holds_the_exact_text_the_hashes_that_recompute_and_the_chain_check_and_each_download_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("5001");
        var given = Assert.Single(host.Audit.ReadAll(), e => e.Kind == AuditEvents.ConsentKind && e.Event == AuditEvents.Given);
        var text = host.Services.GetRequiredService<IConsentStore>().FindText(given.PurposeId!, given.TextVersion!.Value)!;
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/people/" + given.PersonId);
        Assert.EndsWith($"/admin/people/{given.PersonId}/evidence.zip", browser.Find("#evidence-zip").GetAttribute("href"), StringComparison.Ordinal);
        var cookie = SessionCookie(browser);

        var json = await DownloadAsync(host, cookie, $"/admin/people/{given.PersonId}/evidence.json");

        using (var doc = JsonDocument.Parse(json))
        {
            var root = doc.RootElement;
            Assert.Equal(ConsoleHost.AdminLogin, root.GetProperty("generated_by").GetString());
            Assert.Equal("2026-11-23T09:00:00.000Z", root.GetProperty("generated_at_utc").GetString());
            Assert.True(root.GetProperty("chain_verification").GetProperty("intact").GetBoolean());
            var consent = Assert.Single(root.GetProperty("consents").EnumerateArray());
            Assert.Equal(text.Text, consent.GetProperty("text").GetString());
            Assert.Equal(given.TextHash, consent.GetProperty("text_hash").GetString());
            var t = Assert.Single(root.GetProperty("texts").EnumerateArray());
            Assert.Equal((text.Text, text.Hash), (t.GetProperty("text").GetString(), t.GetProperty("sha256").GetString()));
            Assert.Equal(ConsentText.Sha256Hex(t.GetProperty("text").GetString()!), given.TextHash);
            var row = Assert.Single(root.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event").GetString() == AuditEvents.Given);
            Assert.Equal(given.Seq, row.GetProperty("seq").GetInt64());
            Assert.Equal(given.PrevHash, row.GetProperty("prev_hash").GetString());
            Assert.Equal(given.Hash, row.GetProperty("entry_hash").GetString());
            Assert.True(row.GetProperty("hash_ok").GetBoolean());
            Assert.Contains(root.GetProperty("access_log").EnumerateArray(), a => a.GetProperty("admin").GetString() == ConsoleHost.AdminLogin);
        }

        // Readable Cyrillic, not \u escapes.
        Assert.Contains(text.Text.Split('\n')[0], json, StringComparison.Ordinal);

        var csv = await DownloadAsync(host, cookie, $"/admin/people/{given.PersonId}/evidence.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time_utc,kind,event,channel,purpose,text_version,text_hash,actor,detail,seq,entry_hash", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-11-23T09:00:00.000Z,consent,given,telegram,", StringComparison.Ordinal) && l.EndsWith($",{given.Seq},{given.Hash}", StringComparison.Ordinal) && l.Contains(given.TextHash!, StringComparison.Ordinal));

        using var http = NewClient(cookie);
        using var zipResponse = await http.GetAsync(new Uri(host.Url($"/admin/people/{given.PersonId}/evidence.zip")));
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync());
        Assert.Equal(["evidence.json", "evidence.csv", "README.txt"], zip.Entries.Select(e => e.FullName));
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open(), Encoding.UTF8);
        var readmeText = await readme.ReadToEndAsync();
        Assert.Contains("SHA-256", readmeText, StringComparison.Ordinal);
        Assert.Contains("prev_hash", readmeText, StringComparison.Ordinal);

        var exports = host.AdminEntries(AdminEvents.Exported).Where(e => e.PersonId == given.PersonId).ToList();
        Assert.Equal(["evidence pack json", "evidence pack csv", "evidence pack zip"], exports.Select(e => e.Detail));
        Assert.All(exports, e => Assert.Equal(ConsoleHost.AdminLogin, e.Actor));
        Assert.True(host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task The_mailings_a_person_got_are_listed_with_the_consent_that_covered_each_on_the_page_and_in_the_pack()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("8001");
        var given = Assert.Single(host.Audit.ReadAll(), e => e.Kind == AuditEvents.ConsentKind && e.Event == AuditEvents.Given);
        var personId = given.PersonId!;
        var sent = await MailingSteps.SendCompletedAsync(host.Services, host.Clock, [personId]);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Chat("8001").Send("Отписаться").SkipReplies().StartTestAsync();
        var skipped = await MailingSteps.SendCompletedAsync(host.Services, host.Clock, [personId], skipped: [personId]);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);

        browser.Open("/admin/people/" + personId);

        var rows = browser.FindAll("#mailings tr.mailing-row");
        Assert.Equal([($"{sent.Id}", "Sent"), ($"{skipped.Id}", "Skipped")], rows.Select(r => (r.GetAttribute("data-mailing"), r.GetAttribute("data-state"))));
        Assert.Equal(given.TextHash, rows[0].FindElement(By.CssSelector(".text-hash")).Text);
        Assert.Equal("v" + given.TextVersion, rows[0].FindElement(By.CssSelector("a.text-link")).Text);
        Assert.Contains("отправлено", rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("101", rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("не отправлено — согласие отозвано", rows[1].Text, StringComparison.Ordinal);
        Assert.Empty(rows[1].FindElements(By.CssSelector(".text-hash")));
        Assert.Equal(["mailing-sent", "mailing-skipped"], browser.FindAll("tr.timeline-row[data-kind='mailing']").Select(r => r.GetAttribute("data-event")));
        browser.Screenshot("person-mailings");

        var cookie = SessionCookie(browser);
        using (var doc = JsonDocument.Parse(await DownloadAsync(host, cookie, $"/admin/people/{personId}/evidence.json")))
        {
            var mailings = doc.RootElement.GetProperty("mailings").EnumerateArray().ToList();
            Assert.Equal([sent.Id, skipped.Id], mailings.Select(m => m.GetProperty("mailing").GetInt64()));
            Assert.Equal((given.TextVersion, given.TextHash, "101", "отправлено"), (
                (int?)mailings[0].GetProperty("consent_version").GetInt32(), mailings[0].GetProperty("consent_text_hash").GetString(),
                mailings[0].GetProperty("platform_message_id").GetString(), mailings[0].GetProperty("outcome_ru").GetString()));
            Assert.Equal(JsonValueKind.Null, mailings[1].GetProperty("consent_version").ValueKind);
            var check = doc.RootElement.GetProperty("chain_verification");
            Assert.Equal(2, check.GetProperty("mailing_ledgers_checked").GetInt32());
            Assert.Empty(check.GetProperty("mailing_ledger_problems").EnumerateArray());
        }

        var csv = await DownloadAsync(host, cookie, $"/admin/people/{personId}/evidence.csv");
        Assert.Contains($",mailing,mailing-sent,telegram,mailing,{given.TextVersion},{given.TextHash},", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_destruction_the_page_and_the_pack_say_the_platform_id_is_removed_and_keep_the_history()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("7001");
        await host.Chat("7001").Send("/stop").SkipReplies().StartTestAsync();
        var service = host.Services.GetRequiredService<RequestService>();
        var request = Assert.Single(service.Queue());

        // The retention worker's timing is tested elsewhere; here only the erased state matters, and moving the
        // clock would race the worker's own timer.
        var erasure = service.CaseFor(request);
        erasure.Erase(identifiers: true);
        await erasure.SaveAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);

        browser.Open("/admin/people/" + request.PersonId);

        Assert.Equal("удалён", browser.Find("#person-platform-id").Text);
        Assert.Equal([AuditEvents.Given, AuditEvents.Withdrawn], browser.FindAll("tr.timeline-row[data-kind='consent']").Select(r => r.GetAttribute("data-event")));
        Assert.DoesNotContain("7001", WithoutHashes(browser.PageText), StringComparison.Ordinal);
        var json = await DownloadAsync(host, SessionCookie(browser), $"/admin/people/{request.PersonId}/evidence.json");
        using var doc = JsonDocument.Parse(json);
        var person = doc.RootElement.GetProperty("person");
        Assert.Equal(JsonValueKind.Null, person.GetProperty("platform_user_id").ValueKind);
        Assert.True(person.GetProperty("erased").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("chain_verification").GetProperty("intact").GetBoolean());
        Assert.All(doc.RootElement.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("source").GetString() == "audit"),
            e => Assert.True(e.GetProperty("hash_ok").GetBoolean()));
        Assert.DoesNotContain("7001", WithoutHashes(json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_id_gets_a_404_page_with_a_clear_message()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        browser.Open("/admin/people/no-such-person");

        Assert.Contains("не найден", browser.Find("#person-missing").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("tr.timeline-row"));
        var cookie = SessionCookie(browser);
        using var http = NewClient(cookie);
        using var page = await http.GetAsync(new Uri(host.Url("/admin/people/no-such-person")));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var pack = await http.GetAsync(new Uri(host.Url("/admin/people/no-such-person/evidence.json")));
        Assert.Equal(HttpStatusCode.NotFound, pack.StatusCode);
        Assert.Empty(host.AdminEntries(AdminEvents.Exported));
    }

    [Fact]
    public async Task Without_signing_in_the_evidence_pack_is_not_served_and_the_browser_is_sent_to_sign_in()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("6001");
        var personId = host.Audit.ReadAll().First(e => e.Kind == AuditEvents.ConsentKind).PersonId!;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(host.Url($"/admin/people/{personId}/evidence.json")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(personId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.AdminEntries(AdminEvents.Exported));
        using var browser = new HeadlessChromium(host.Address);
        browser.Open($"/admin/people/{personId}");
        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
    }


    // Hex hashes (random salts go into them) could hold any run of digits by chance.
    private static string WithoutHashes(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[0-9a-f]{64}", "");

    /// <summary>The browser's session cookie, so HttpClient can download files as the signed-in admin.</summary>
    private static string SessionCookie(HeadlessChromium browser)
    {
        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed("pdbot.admin");
        Assert.NotNull(cookie);
        return cookie.Value;
    }

    private static HttpClient NewClient(string cookie)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", "pdbot.admin=" + cookie);
        return http;
    }

    private static async Task<string> DownloadAsync(ConsoleHost host, string cookie, string path)
    {
        using var http = NewClient(cookie);
        using var response = await http.GetAsync(new Uri(host.Url(path)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }
}
