using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation.Consultation;
using PdBot.Core.Admin;
using PdBot.Core.Leads;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// /admin/leads in headless Chromium: the list with masked phones and «новая» marked, the request's page with the full
/// phone (a <c>viewed</c> entry), and the actions the machine permits (связались → записан), each audited.
/// </summary>
public sealed class LeadsPageTests
{
    [Fact]
    public async Task An_operator_sees_the_list_opens_a_request_and_moves_it_from_contacted_to_booked()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (first, second) = (await SubmitAsync(host, "5001", "Анна", "8 999 123-45-67"), await SubmitAsync(host, "5002", "Пётр", "+7 916 555-44-33"));
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        browser.Open("/admin/leads");
        var rows = browser.FindAll("tr.lead-row");
        Assert.Equal([second.ToString(System.Globalization.CultureInfo.InvariantCulture), first.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows.Select(r => r.GetAttribute("data-id")));
        Assert.Equal(2, browser.FindAll("tr.lead-row .new-mark").Count);
        Assert.Contains("+7 999 ***-**-67", browser.PageText, StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-67", browser.PageText, StringComparison.Ordinal);
        Assert.DoesNotContain("Анна", browser.PageText, StringComparison.Ordinal);

        browser.ClickAndWait($"tr.lead-row[data-id='{first}'] a.lead-link");
        Assert.Equal("+7 999 123-45-67", browser.Find("#phone").Text);
        Assert.Equal("Анна", browser.Find("#name").Text);
        Assert.Equal(["act-contact", "act-close"], browser.FindAll("#actions-form button").Select(b => b.GetAttribute("id")));

        browser.ClickAndWait("#act-contact");
        Assert.Equal(nameof(LeadState.Contacted), browser.Find("#state").GetAttribute("data-state"));
        Assert.Equal(["act-book", "act-noanswer", "act-close"], browser.FindAll("#actions-form button").Select(b => b.GetAttribute("id")));
        browser.ClickAndWait("#act-book");
        Assert.Equal(nameof(LeadState.Booked), browser.Find("#state").GetAttribute("data-state"));
        Assert.False(browser.Exists("#actions-form"));
        Assert.Equal([LeadEvents.Submitted, LeadEvents.Contacted, LeadEvents.Booked], browser.FindAll("tr.history-row").Select(r => r.GetAttribute("data-event")));
        browser.Screenshot("leads-detail");

        var lead = host.Services.GetRequiredService<ILeadStore>().Find(first)!;
        Assert.Contains(host.Audit.ReadAll(), e => e.Kind == LeadEvents.Kind && e.Event == LeadEvents.Booked && e.Actor == ConsoleHost.OperatorLogin);
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.PersonId == lead.PersonId && e.Detail == $"lead {first}");

        browser.Open("/admin/leads?state=Booked");
        Assert.Equal([first.ToString(System.Globalization.CultureInfo.InvariantCulture)], browser.FindAll("tr.lead-row").Select(r => r.GetAttribute("data-id")));
    }

    [Fact]
    public async Task An_auditor_does_not_see_the_requests()
    {
        await using var host = await ConsoleHost.StartAsync();
        await SubmitAsync(host, "5003", "Анна", "8 999 123-45-67");
        using var client = await ConsoleClient.SignInAsync(host, ConsoleHost.AuditorLogin);

        var page = await (await client.GetAsync("/admin/leads")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("lead-row", page, StringComparison.Ordinal);
    }

    [ScreenshotFact]
    public async Task The_leads_page_is_saved_as_docs_leads_png()
    {
        await using var host = await ConsoleHost.StartAsync();
        string[][] people =
        [
            ["6001", "Анна", "8 999 123-45-67", "25.11", "14:30", "Терапия"], ["6002", "Пётр", "+7 916 555-44-33", "завтра", "10", "Кардиология"],
            ["6003", "Мария", "9031112233", "в пятницу", "17:00", "Педиатрия"], ["6004", "Ольга", "8 926 700-10-20", "01.12", "11:30", "Неврология"],
        ];
        var ids = new List<long>();
        foreach (var p in people)
        {
            ids.Add(await SubmitAsync(host, p[0], p[1], p[2], p[3], p[4], p[5]));
            host.Clock.Advance(TimeSpan.FromMinutes(37));
        }

        var service = host.Services.GetRequiredService<LeadService>();
        await service.ActAsync(ids[0], LeadTrigger.Contact, ConsoleHost.OperatorLogin);
        await service.ActAsync(ids[0], LeadTrigger.Book, ConsoleHost.OperatorLogin);
        await service.ActAsync(ids[1], LeadTrigger.Contact, ConsoleHost.OperatorLogin);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(1400, 900);
        browser.Open("/admin/leads");

        Assert.Equal(4, browser.FindAll("tr.lead-row").Count);
        var path = browser.Screenshot("leads-docs");
        File.Copy(path, Path.Combine(RepoRoot.Path, "docs", "leads.png"), overwrite: true);
    }

    /// <summary>The consultation consent and a whole form on Telegram (by default Wednesday 25.11 at 14:30, «Терапия»); returns the request's number.</summary>
    internal static async Task<long> SubmitAsync(ConsoleHost host, string user, string name, string phone, string day = "25.11", string time = "14:30", string direction = "Терапия")
    {
        await host.Chat(user).Send("Хочу записаться на консультацию").SkipReplies()
            .Press("☐ Согласен(на) на обработку данных заявки").SkipReplies().Press("Отправить").SkipReplies()
            .Send(name).Send(phone).Send(day).Send(time).SkipReplies().Press(direction).SkipReplies()
            .Press(ConsultationTexts.SendButton).SkipReplies().StartTestAsync();
        var person = host.Services.GetRequiredService<PdBot.Core.Consent.IConsentStore>().FindPerson("telegram", user)!;
        return host.Services.GetRequiredService<ILeadStore>().OfPerson(person.Id).Single(l => l.State == LeadState.New).Id;
    }
}
