using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Core.Admin;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// The operator inbox in headless Chromium against the real host: the list (unread first), a conversation's page
/// (viewed audit entry, marked read), a reply delivered through the person's channel, close and reopen; the picture
/// for the README (docs/inbox.png).
/// </summary>
public sealed class InboxPageTests(SharedConsoleHost shared) : IClassFixture<SharedConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    private ConversationService Inbox => Host.Services.GetRequiredService<ConversationService>();

    [Fact]
    public async Task An_operator_opens_an_unread_conversation_replies_and_closes_it()
    {
        var quiet = await OpenConversationAsync("7101", "оператор");
        Assert.True(await Inbox.MarkReadAsync(quiet.Id, ConsoleHost.AdminLogin));
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var waiting = await OpenConversationAsync("7102", "Подскажите, во сколько вы открываетесь в субботу?");
        var browser = shared.Browser(ConsoleHost.OperatorLogin);

        browser.Open("/admin/inbox");

        var rows = browser.FindAll("tr.conversation-row").Where(r => Id(r) == quiet.Id || Id(r) == waiting.Id).ToList();
        Assert.Equal([waiting.Id, quiet.Id], rows.Select(Id));
        Assert.Equal(["1", "0"], rows.Select(r => r.GetAttribute("data-unread")!));
        Assert.Equal($"/admin/people/{waiting.PersonId}", new Uri(rows[0].FindElement(By.CssSelector("a.person-link")).GetAttribute("href")!).AbsolutePath);
        Assert.Contains("Telegram", rows[0].Text, StringComparison.Ordinal);

        browser.ClickAndWait(rows[0].FindElement(By.CssSelector("a.conversation-link")));

        Assert.Equal($"/admin/inbox/{waiting.Id}", browser.Location);
        Assert.Contains("Подскажите, во сколько вы открываетесь в субботу?", browser.Find("#thread").Text, StringComparison.Ordinal);
        Assert.Contains(Host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.Detail == ConversationService.ViewedDetail(waiting.Id) && e.PersonId == waiting.PersonId);
        Assert.Equal(0, Inbox.Store.Find(waiting.Id)!.Unread);

        browser.Find("#reply-text").SendKeys("В субботу мы работаем с 10:00 до 16:00.");
        browser.ClickAndWait("#reply");

        Assert.DoesNotContain("error", browser.Find("#flash").GetAttribute("class")!, StringComparison.Ordinal);
        var reply = browser.FindAll("#thread tr.message")[^1];
        Assert.Contains("Сотрудник " + ConsoleHost.OperatorLogin, reply.Text, StringComparison.Ordinal);
        Assert.Contains("В субботу мы работаем с 10:00 до 16:00.", reply.Text, StringComparison.Ordinal);
        var queued = Assert.Single(Host.Services.GetRequiredService<IOutbox>().Pending("telegram"), m => m.Kind == ConversationService.ReplyKind && m.ChatId == "7102");
        Assert.Equal("Сотрудник клиники: В субботу мы работаем с 10:00 до 16:00.", queued.Text);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Event == ConversationService.Replied && e.Actor == ConsoleHost.OperatorLogin && e.PersonId == waiting.PersonId);

        browser.ClickAndWait("#close");

        Assert.Equal(nameof(ConversationState.Closed), browser.Find("#state").GetAttribute("data-state"));
        Assert.True(browser.Exists("#reopen"));
        Assert.False(browser.Exists("#reply-form"));
        browser.ClickAndWait("#reopen");
        Assert.Equal(nameof(ConversationState.Open), browser.Find("#state").GetAttribute("data-state"));
    }

    [Fact]
    public async Task An_auditor_reads_a_conversation_without_marking_it_read_or_being_offered_a_reply()
    {
        var c = await OpenConversationAsync("7201", "позовите сотрудника");
        var browser = shared.Browser(ConsoleHost.AuditorLogin);

        browser.Open($"/admin/inbox/{c.Id}");

        Assert.True(browser.Exists("#read-only"));
        Assert.False(browser.Exists("#reply-form"));
        Assert.Equal(1, Inbox.Store.Find(c.Id)!.Unread);
        Assert.Contains(Host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.AuditorLogin && e.Detail == ConversationService.ViewedDetail(c.Id));
        browser.Open("/admin/inbox?show=Unread");
        Assert.Contains(c.Id, browser.FindAll("tr.conversation-row").Select(Id));
    }

    [Fact]
    public async Task A_refused_reply_shows_why_and_keeps_the_typed_text_in_the_form()
    {
        var c = await OpenConversationAsync("7401", "оператор");
        var browser = shared.Browser(ConsoleHost.OperatorLogin);
        browser.Open($"/admin/inbox/{c.Id}");
        var people = Host.Services.GetRequiredService<IConsentStore>();
        var person = people.FindPersonById(c.PersonId)!;
        person.Blocked = true;
        await people.SaveAsync(person, true, [], []);

        browser.Find("#reply-text").SendKeys("Ответ, который не должен потеряться");
        browser.ClickAndWait("#reply");

        Assert.Contains("заблокирована", browser.Find("#reply-error").Text, StringComparison.Ordinal);
        Assert.Equal("Ответ, который не должен потеряться", browser.Find("#reply-text").GetAttribute("value"));
        Assert.Single(Inbox.Store.Messages(c.Id));
        Assert.DoesNotContain(Host.Services.GetRequiredService<IOutbox>().Pending("telegram"), m => m.Kind == ConversationService.ReplyKind && m.ChatId == "7401");
    }

    [ScreenshotFact]
    public async Task The_inbox_and_a_conversation_are_saved_as_docs_inbox_png()
    {
        await OpenConversationAsync("7301", "оператор");
        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        var c = await OpenConversationAsync("7302", "Здравствуйте! Можно ли сдать анализы в субботу утром?");
        Host.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True((await Inbox.ReplyAsync(c.Id, ConsoleHost.OperatorLogin, "Здравствуйте! Да, в субботу процедурный кабинет работает с 08:00 до 12:00.")).Ok);
        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await Host.Chat("7302").Send("Спасибо, а записываться нужно заранее?").SkipReplies().StartTestAsync();
        var browser = shared.Browser(ConsoleHost.AdminLogin);
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(1400, 900);

        browser.Open($"/admin/inbox/{c.Id}");

        Assert.Equal(3, browser.FindAll("#thread tr.message").Count);
        var path = browser.Screenshot("inbox-docs");
        File.Copy(path, Path.Combine(RepoRoot.Path, "docs", "inbox.png"), overwrite: true);
    }

    /// <summary>A person on Telegram writes <paramref name="text"/>; returns their conversation.</summary>
    private async Task<Core.Conversations.Conversation> OpenConversationAsync(string userId, string text)
    {
        await Host.Chat(userId).Send(text).SkipReplies().StartTestAsync();
        var person = Host.Services.GetRequiredService<IConsentStore>().FindPerson("telegram", userId)!;
        return Inbox.Store.LatestOf(person.Id)!;
    }

    private static long Id(IWebElement row) => long.Parse(row.GetAttribute("data-id")!, CultureInfo.InvariantCulture);
}
