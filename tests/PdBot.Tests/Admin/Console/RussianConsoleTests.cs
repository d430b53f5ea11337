using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Requests;
using PdBot.Tests.Russian;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// Every console page an admin can open, with data in every state the bot produces, is Russian: the visible text
/// is scanned for Latin words (URLs, hashes, ids and product names allowed, see <see cref="LatinWords"/>).
/// </summary>
public sealed class RussianConsoleTests
{
    [Fact]
    public async Task Every_console_page_shows_an_admin_only_russian_words()
    {
        await using var host = await ConsoleHost.StartAsync();
        var service = host.Services.GetRequiredService<RequestService>();

        // Consents given, withdrawn and declined; requests received, in progress, extended, refused, answered, cancelled.
        await host.GiveMailingConsentAsync("5001");
        await host.Chat("5001").Send("Отписаться").SkipReplies().StartTestAsync();
        await host.GiveMailingConsentAsync("5002");
        await host.Chat("5003").Send("/start").SkipReplies().Send("Отказаться").SkipReplies().StartTestAsync();
        var access = await ReceiveAsync(host, "5004", RequestType.Access);
        var correction = await ReceiveAsync(host, "5005", RequestType.Correction);
        var destruction = await ReceiveAsync(host, "5006", RequestType.Destruction);
        var blocking = await ReceiveAsync(host, "5007", RequestType.Blocking);
        var stop = await ReceiveAsync(host, "5002", RequestType.StopProcessing);
        await service.ConfirmIdentityAsync(access.Id, ConsoleHost.OperatorLogin);
        await service.ApproveAsync(access.Id, ConsoleHost.OperatorLogin);
        await service.ConfirmIdentityAsync(correction.Id, ConsoleHost.OperatorLogin);
        await service.ExtendAsync(correction.Id, "Нужна выписка из регистратуры", ConsoleHost.OperatorLogin, 3);
        await service.RefuseAsync(destruction.Id, "Данные нужны для исполнения договора", ConsoleHost.OperatorLogin);
        await service.ConfirmIdentityAsync(stop.Id, ConsoleHost.OperatorLogin);
        await host.Chat("5008").Send("/privacy").SkipReplies().Press(RequestTexts.Title(RequestType.Access)).SkipReplies()
            .Send("Отмена").SkipReplies().StartTestAsync();
        var people = host.Services.GetRequiredService<IConsentStore>();
        var person = people.FindPerson("telegram", "5002")!;

        using var browser = new HeadlessChromium(host.Address);
        var problems = new List<string>();
        browser.Open("/admin/login");
        Scan(browser, "/admin/login", problems);
        browser.SignIn(ConsoleHost.AdminLogin);
        string[] pages =
        [
            "/admin", "/admin/consents", "/admin/consents?event=withdrawn", "/admin/requests", "/admin/requests?closed=true",
            .. new[] { access, correction, destruction, blocking, stop }.Select(r => "/admin/requests/" + r.Id.ToString(CultureInfo.InvariantCulture)),
            "/admin/people/" + person.Id, "/admin/audit", "/admin/audit?verify=1", "/admin/accounts", "/admin/chat",
            $"/admin/texts/{host.Services.GetRequiredService<ConsentCatalog>().Mailing.Id}/{host.Services.GetRequiredService<ConsentCatalog>().Mailing.Version}",
            "/admin/denied",
        ];
        foreach (var page in pages)
        {
            browser.Open(page);
            Scan(browser, page, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The page's visible text, minus elements that hold data verbatim (hashes, ids, consent texts as stored).</summary>
    internal static void Scan(HeadlessChromium browser, string page, List<string> problems)
    {
        var text = (string?)((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            "const b = document.body.cloneNode(true); b.querySelectorAll('.mono, .text-hash, code, pre').forEach(e => e.remove()); " +
            "document.body.appendChild(b); b.style.display = 'block'; const t = b.innerText; b.remove(); return t;");
        // Admins' logins are shown as they were typed.
        var found = LatinWords.In(text).Except([ConsoleHost.AdminLogin, ConsoleHost.OperatorLogin, ConsoleHost.AuditorLogin], StringComparer.Ordinal).Distinct().ToList();
        if (found.Count > 0)
        {
            problems.Add($"{page}: {string.Join(", ", found)}");
        }
    }

    private static async Task<SubjectRequest> ReceiveAsync(ConsoleHost host, string userId, RequestType type)
    {
        var people = host.Services.GetRequiredService<IConsentStore>();
        var person = people.FindPerson("telegram", userId);
        if (person is null)
        {
            person = Person.Create("telegram", userId, userId, host.Clock.GetUtcNow().UtcDateTime);
            await people.SaveAsync(person, personChanged: true, [], []);
        }

        var service = host.Services.GetRequiredService<RequestService>();
        var r = service.Start(person, type, "document");
        await service.SaveDraftAsync(r);
        r.DocumentNumber = "4510 918273";
        r.Statement = "Неверно указан телефон";
        return await service.ReceiveAsync(person, r);
    }
}
