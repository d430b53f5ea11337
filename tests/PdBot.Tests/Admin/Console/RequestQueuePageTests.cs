using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Bot.Admin;
using PdBot.Bot.Conversation;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;
using PdBot.Core.Turns;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Admin.Console;

/// <summary>The request queue and a request's page in headless Chromium, against the real host: deadlines, actions, roles, antiforgery.</summary>
public sealed class RequestQueuePageTests
{
    private const string Channel = "telegram";

    [Fact]
    public async Task The_queue_is_sorted_by_due_date_and_colours_the_working_days_left()
    {
        await using var host = await ConsoleHost.StartAsync();
        var access = await ReceiveAsync(host, "3001", RequestType.Access);                      // Mon 23.11 → due Mon 07.12
        host.Clock.Advance(TimeSpan.FromDays(2));
        var correction = await ReceiveAsync(host, "3002", RequestType.Correction);              // Wed 25.11 → due Fri 04.12 (the law's 7)
        var blocking = await ReceiveAsync(host, "3003", RequestType.Blocking);                  // Wed 25.11 → due the same day
        host.Clock.Advance(TimeSpan.FromDays(5));
        var later = await ReceiveAsync(host, "3004", RequestType.Access);                       // Mon 30.11 → due Mon 14.12
        host.Clock.Advance(TimeSpan.FromDays(3));                                               // Thu 03.12
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        browser.Open("/admin/requests");

        var rows = browser.FindAll("tr.request-row");
        Assert.Equal([blocking.Id, correction.Id, access.Id, later.Id], rows.Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["2026-11-25", "2026-12-04", "2026-12-07", "2026-12-14"], rows.Select(r => r.GetAttribute("data-due")!));
        var badges = rows.Select(r => r.FindElement(By.CssSelector(".days"))).ToList();
        Assert.Equal(["-6", "1", "2", "7"], badges.Select(b => b.GetAttribute("data-days")!));
        Assert.Equal(["days-red", "days-amber", "days-amber", "days-ok"], badges.Select(b => b.GetAttribute("class")!.Split(' ').Single(c => c.StartsWith("days-", StringComparison.Ordinal))));
        Assert.Contains(RequestTexts.Title(RequestType.Correction), rows[1].Text, StringComparison.Ordinal);
        Assert.Equal("нет", rows[2].FindElement(By.CssSelector(".identity")).Text);
        browser.Screenshot("requests");
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.Detail == "request queue");

        browser.Select("#f-type", nameof(RequestType.Access));
        browser.ClickAndWait("#apply-filters");

        Assert.Equal([access.Id, later.Id], browser.FindAll("tr.request-row").Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("type=Access", browser.Find("#export-csv").GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_holds_the_filtered_view_without_document_numbers_and_the_download_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        var access = await ReceiveAsync(host, "3101", RequestType.Access);
        await ReceiveAsync(host, "3102", RequestType.Correction);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open("/admin/requests?type=Access");
        using var http = SignedInClient(browser, host);

        var response = await http.GetAsync(new Uri(host.Url(new Uri(browser.Find("#export-csv").GetAttribute("href")!).PathAndQuery)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,type,state,received,due", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{access.Id},Access,AwaitingIdentity,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2026-12-07,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("918273", lines[1], StringComparison.Ordinal);
        var export = Assert.Single(host.AdminEntries(AdminEvents.Exported));
        Assert.Equal((ConsoleHost.AuditorLogin, "request queue CSV (type=Access)"), (export.Actor, export.Detail));
    }

    [Fact]
    public async Task An_operator_confirms_identity_extends_with_a_reason_and_approves_and_the_person_gets_each_message()
    {
        await using var host = await ConsoleHost.StartAsync();
        var person = NewChat(host, "patient");
        await AccessIntake(new TestFlow(person, host.Services.GetRequiredService<IBot>())).StartTestAsync();
        var request = Assert.Single(Service(host).Queue());
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);
        browser.Open("/admin/requests");
        browser.ClickAndWait("a.request-link");

        Assert.Equal($"/admin/requests/{request.Id}", browser.Location);
        Assert.Equal("••••••8273", browser.Find("#document").Text);
        Assert.DoesNotContain("918273", browser.PageText, StringComparison.Ordinal);
        Assert.Equal($"/admin/people/{request.PersonId}", new Uri(browser.Find("#person-link").GetAttribute("href")!).AbsolutePath);
        Assert.False(browser.Find("#approve").Enabled);
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Detail == $"request {request.Id}" && e.PersonId == request.PersonId);

        browser.ClickAndWait("#confirm-identity");

        Assert.Contains("Личность подтверждена", browser.Find("#flash").Text, StringComparison.Ordinal);
        Assert.Equal(nameof(RequestState.InProgress), browser.Find("#state").GetAttribute("data-state")!);
        Assert.True(browser.Find("#approve").Enabled);

        browser.Find("#extend-reason").SendKeys("Сведения хранятся в архиве филиала, нужен запрос туда");
        browser.Find("#extend-days").Clear();
        browser.Find("#extend-days").SendKeys("5");
        browser.ClickAndWait("#extend");

        Assert.DoesNotContain("error", browser.Find("#flash").GetAttribute("class")!, StringComparison.Ordinal);
        Assert.Equal("2026-12-14", browser.Find("#due").GetAttribute("data-due")!);
        Assert.Equal("Сведения хранятся в архиве филиала, нужен запрос туда", browser.Find("#extension-reason").Text);
        Assert.False(browser.Find("#extend").Enabled);
        var extended = Service(host).Find(request.Id)!;
        Assert.Equal((RequestState.Extended, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 7)), (extended.State, extended.DueDate, extended.OriginalDueDate));
        Assert.Equal("Сведения хранятся в архиве филиала, нужен запрос туда", extended.ExtensionReason);
        Assert.Equal(ConsoleHost.OperatorLogin, extended.History.Single(h => h.Action == "extended").Actor);
        var notice = Assert.Single(await DeliverAsync(host, person));
        Assert.Contains("продлён до 14.12.2026", notice, StringComparison.Ordinal);
        Assert.Contains("архиве филиала", notice, StringComparison.Ordinal);
        Assert.Contains("10. Меры по ст. 18.1", browser.Find("#answer-preview").Text, StringComparison.Ordinal);
        Assert.Contains("10. Меры по ст. 18.1", browser.Find("#answer-text").GetAttribute("value")!, StringComparison.Ordinal);
        browser.Screenshot("request-detail");

        // The operator adds a line to the prepared answer before approving it.
        browser.Find("#answer-text").SendKeys(OpenQA.Selenium.Keys.Control + OpenQA.Selenium.Keys.End);
        browser.Find("#answer-text").SendKeys("\nВопросы — по телефону клиники.");
        browser.ClickAndWait("#approve");

        Assert.Equal(nameof(RequestState.Answered), browser.Find("#state").GetAttribute("data-state")!);
        Assert.All(["#confirm-identity", "#extend", "#refuse", "#approve"], id => Assert.False(browser.Find(id).Enabled));
        var answer = Assert.Single(await DeliverAsync(host, person));
        Assert.Contains("10. Меры по ст. 18.1", answer, StringComparison.Ordinal);
        Assert.Contains("идентификатор пользователя patient", answer, StringComparison.Ordinal);
        Assert.EndsWith("Вопросы — по телефону клиники.", answer, StringComparison.Ordinal);
        var answered = Service(host).Find(request.Id)!;
        Assert.Equal(RequestState.Answered, answered.State);
        Assert.NotNull(answered.AnswerDeliveredAtUtc);
        Assert.Contains(host.Audit.ReadAll(), e => e.Event == "request-answered" && e.Actor == ConsoleHost.OperatorLogin);
        Assert.True(host.Audit.Verify().IsIntact);

        // Answered requests leave the queue; the "closed" toggle brings them back.
        browser.Open("/admin/requests");
        Assert.True(browser.Exists("#no-rows"));
        browser.Open("/admin/requests?closed=true");
        var closed = Assert.Single(browser.FindAll("tr.request-row"));
        Assert.Equal(nameof(RequestState.Answered), closed.GetAttribute("data-state"));
    }

    [Fact]
    public async Task An_extension_without_a_reason_shows_an_error_and_changes_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        var request = await ReceiveAsync(host, "3201", RequestType.Access);
        Assert.True((await Service(host).ConfirmIdentityAsync(request.Id, "test")).Ok);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);
        browser.Open($"/admin/requests/{request.Id}");

        browser.Find("#extend-reason").SendKeys("   ");
        browser.ClickAndWait("#extend");

        var flash = browser.Find("#flash");
        Assert.Contains("error", flash.GetAttribute("class")!, StringComparison.Ordinal);
        Assert.Contains("Укажите причину продления", flash.Text, StringComparison.Ordinal);
        var unchanged = Service(host).Find(request.Id)!;
        Assert.Equal((RequestState.InProgress, new DateOnly(2026, 12, 7), (string?)null), (unchanged.State, unchanged.DueDate, unchanged.ExtensionReason));
        Assert.DoesNotContain(Pending(host), m => m.Kind == "request-extension");
        Assert.True(browser.Find("#extend").Enabled);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_the_reason_goes_to_the_person()
    {
        await using var host = await ConsoleHost.StartAsync();
        var request = await ReceiveAsync(host, "3301", RequestType.Correction);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open($"/admin/requests/{request.Id}");

        browser.ClickAndWait("#refuse");

        Assert.Contains("Укажите причину отказа", browser.Find("#flash").Text, StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingIdentity, Service(host).Find(request.Id)!.State);

        browser.Find("#refuse-reason").SendKeys("Сведения, которые вы просите исправить, в клинике не обрабатываются");
        browser.ClickAndWait("#refuse");

        Assert.Equal(nameof(RequestState.Refused), browser.Find("#state").GetAttribute("data-state")!);
        var refused = Service(host).Find(request.Id)!;
        Assert.Equal("Сведения, которые вы просите исправить, в клинике не обрабатываются", refused.RefusalReason);
        var notice = Assert.Single(Pending(host), m => m.Kind == "request-refusal");
        Assert.Contains("в клинике не обрабатываются", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_are_disabled_for_what_the_request_machine_does_not_allow()
    {
        await using var host = await ConsoleHost.StartAsync();
        var awaiting = await ReceiveAsync(host, "3401", RequestType.Access);
        var correction = await ReceiveAsync(host, "3402", RequestType.Correction);
        Assert.True((await Service(host).ConfirmIdentityAsync(correction.Id, "test")).Ok);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        // Nothing is answered or extended before the identity is confirmed.
        browser.Open($"/admin/requests/{awaiting.Id}");
        Assert.True(browser.Find("#confirm-identity").Enabled);
        Assert.True(browser.Find("#refuse").Enabled);
        Assert.False(browser.Find("#approve").Enabled);
        Assert.False(browser.Find("#extend").Enabled);

        // The law allows no extension for a correction.
        browser.Open($"/admin/requests/{correction.Id}");
        Assert.False(browser.Find("#confirm-identity").Enabled);
        Assert.False(browser.Find("#extend").Enabled);
        Assert.True(browser.Find("#approve").Enabled);

        // A button enabled by hand still changes nothing the machine forbids.
        browser.Open($"/admin/requests/{awaiting.Id}");
        var approve = browser.Find("#approve");
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].removeAttribute('disabled')", approve);
        browser.ClickAndWait(approve);
        Assert.Contains("недоступно", browser.Find("#flash").Text, StringComparison.Ordinal);
        Assert.Equal(RequestState.AwaitingIdentity, Service(host).Find(awaiting.Id)!.State);
        Assert.DoesNotContain(Pending(host), m => m.Kind == "request-answer");
    }

    [Fact]
    public async Task An_auditor_sees_every_button_disabled_and_a_forged_click_lands_on_denied_and_changes_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        var request = await ReceiveAsync(host, "3501", RequestType.Access);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open($"/admin/requests/{request.Id}");

        Assert.All(["#confirm-identity", "#extend", "#refuse", "#approve"], id => Assert.False(browser.Find(id).Enabled));
        Assert.True(browser.Exists("#read-only"));
        var button = browser.Find("#confirm-identity");
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].removeAttribute('disabled')", button);
        browser.ClickAndWait(button);

        Assert.StartsWith("/admin/denied", browser.Location, StringComparison.Ordinal);
        Assert.True(browser.Exists("#denied"));
        var unchanged = Service(host).Find(request.Id)!;
        Assert.Equal((RequestState.AwaitingIdentity, false), (unchanged.State, unchanged.IdentityConfirmed));
        Assert.DoesNotContain(host.Audit.ReadAll(), e => e.Event == "request-identity-confirmed");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_changes_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        var request = await ReceiveAsync(host, "3601", RequestType.Access);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);
        browser.Open($"/admin/requests/{request.Id}");
        var action = new Uri(browser.Find("#confirm-form").GetAttribute("action")!).PathAndQuery;
        using var http = SignedInClient(browser, host);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        var response = await http.PostAsync(new Uri(host.Url(action)), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var unchanged = Service(host).Find(request.Id)!;
        Assert.Equal((RequestState.AwaitingIdentity, false), (unchanged.State, unchanged.IdentityConfirmed));

        // The same client can read the page, so the 400 is the missing token and not a lost session.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(host.Url($"/admin/requests/{request.Id}")))).StatusCode);
    }


    private static RequestService Service(ConsoleHost host) => host.Services.GetRequiredService<RequestService>();

    private static IReadOnlyList<OutboxMessage> Pending(ConsoleHost host) => host.Services.GetRequiredService<IOutbox>().Pending(Channel);

    /// <summary>A person on Telegram whose request is complete: the clock starts at the host's current time.</summary>
    private static async Task<SubjectRequest> ReceiveAsync(ConsoleHost host, string userId, RequestType type)
    {
        var person = Person.Create(Channel, userId, userId, host.Clock.GetUtcNow().UtcDateTime);
        await host.Services.GetRequiredService<IConsentStore>().SaveAsync(person, personChanged: true, [], []);
        var service = Service(host);
        var r = service.Start(person, type, "document");
        await service.SaveDraftAsync(r);
        r.DocumentNumber = "4510 918273";
        return await service.ReceiveAsync(person, r);
    }

    private static TestFlow AccessIntake(TestFlow flow) => flow
        .Send("/privacy").SkipReplies()
        .Press(RequestTexts.Title(RequestType.Access)).Press("О себе").Press("Паспорт РФ").SkipReplies()
        .Send("4510 918273").Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор № 77 от 01.02.2026").SkipReplies();

    /// <summary>Like <see cref="ConsoleHost.Chat"/>, but keeps the adapter so the test can read what the person received.</summary>
    private static TestAdapter NewChat(ConsoleHost host, string userId)
    {
        var adapter = new TestAdapter(Channel, userId);
        host.Services.GetRequiredService<TurnPipeline>().Attach(adapter);
        return adapter;
    }

    /// <summary>Sends what waits in the outbox for Telegram, as the channel would, and returns the texts the person got.</summary>
    private static async Task<List<string>> DeliverAsync(ConsoleHost host, TestAdapter person)
    {
        person.Replies.Clear();
        await OutboxDispatcher.DeliverAsync(host.Services.GetRequiredService<IOutbox>(), person, Channel, host.Clock, default);
        return [.. person.Replies.Select(r => r.Text)];
    }

    /// <summary>An HTTP client carrying the browser's cookies (session and antiforgery cookie), but no form token.</summary>
    private static HttpClient SignedInClient(HeadlessChromium browser, ConsoleHost host)
    {
        var cookies = string.Join("; ", browser.Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}"));
        Assert.Contains(AdminConsole.CookieName + "=", cookies, StringComparison.Ordinal);
#pragma warning disable CA2000 // the client owns and disposes the handler
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = new Uri(host.Address) };
#pragma warning restore CA2000
        http.DefaultRequestHeaders.Add("Cookie", cookies);
        return http;
    }
}
