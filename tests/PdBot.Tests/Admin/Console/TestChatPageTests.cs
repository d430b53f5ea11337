using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using PdBot.Bot.Admin.Chat;
using PdBot.Bot.Conversation;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Operator;

namespace PdBot.Tests.Admin.Console;

/// <summary>The console's test chat in headless Chromium: the consent flow on the local channel, roles, starting over.</summary>
public sealed class TestChatPageTests
{
    private const string MailingBox = "☐ Согласен(на) на рассылку";
    private const string MailingTicked = "☑ Согласен(на) на рассылку";

    [Fact]
    public async Task An_operator_gives_and_withdraws_the_mailing_consent_in_the_browser_and_it_is_recorded_on_the_local_channel()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        OpenChat(browser, ConsoleHost.OperatorLogin);
        Assert.Equal("web-oleg", browser.Find("#chat-user").Text);
        Assert.Equal(("local", "локальный канал"), (browser.Find("#chat-channel").GetAttribute("data-channel"), browser.Find("#chat-channel").Text));
        Assert.Equal("active", browser.Find("a[href='/admin/chat']").GetAttribute("class"));

        Type(browser, "/start");

        var policy = host.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.PolicyUrl;
        Assert.Contains("/start", browser.Find(".bubble.me").Text, StringComparison.Ordinal);
        Assert.Contains(policy, browser.Find(".bubble.bot").Text, StringComparison.Ordinal);
        Assert.Equal([MailingBox, BotTexts.SubmitButton, BotTexts.DeclineButton], ButtonLabels(browser));
        var prompt = browser.Find(".message").GetAttribute("data-message-id");

        Press(browser, BotTexts.SubmitButton);

        Assert.Contains(BotTexts.TickFirst, browser.Find(".hint").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsentEvents(host), e => e.Event == AuditEvents.Given);

        Press(browser, MailingBox);

        Assert.Equal([MailingTicked, BotTexts.SubmitButton, BotTexts.DeclineButton], ButtonLabels(browser));
        Assert.Equal(prompt, Assert.Single(browser.FindAll(".message:has(.chat-button)")).GetAttribute("data-message-id"));
        Assert.Contains(BotTexts.Ticked, browser.PageText, StringComparison.Ordinal);

        Press(browser, BotTexts.SubmitButton);

        var given = Assert.Single(ConsentEvents(host), e => e.Event == AuditEvents.Given);
        var mailing = host.Services.GetRequiredService<ConsentCatalog>().Mailing;
        Assert.Equal(WebChatAdapter.Channel, given.Channel);
        Assert.Equal("web-oleg", given.UserId);
        Assert.Equal(mailing.Id, given.PurposeId);
        Assert.Equal(mailing.Version, given.TextVersion);
        Assert.Equal(host.Services.GetRequiredService<IConsentStore>().FindText(mailing.Id, mailing.Version)!.Hash, given.TextHash);
        Assert.Contains(BotTexts.Received, browser.PageText, StringComparison.Ordinal);
        Assert.Contains("получено", browser.FindAll(".bubble.bot")[^1].Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll($".message[data-message-id='{prompt}'] .chat-button"));
        browser.Screenshot("test-chat");

        Type(browser, "Отписаться");

        var withdrawn = Assert.Single(ConsentEvents(host), e => e.Event == AuditEvents.Withdrawn);
        Assert.Equal((WebChatAdapter.Channel, "web-oleg", mailing.Id), (withdrawn.Channel, withdrawn.UserId, withdrawn.PurposeId));
        Assert.Contains(BotTexts.Unsubscribed, browser.FindAll(".bubble.bot")[^1].Text, StringComparison.Ordinal);
        Assert.Single(ConsentEvents(host), e => e.Event == AuditEvents.Given);
    }

    [Fact]
    public async Task An_empty_message_gets_a_clear_error_and_nothing_reaches_the_bot()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        OpenChat(browser, ConsoleHost.AdminLogin);

        Type(browser, "   ");

        Assert.Contains("пустое", browser.Find("#chat-flash.error").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll(".bubble"));
        Assert.Empty(host.Services.GetRequiredService<WebChatSessions>().Transcript("web-anna"));
        Assert.Null(host.Services.GetRequiredService<IConsentStore>().FindPerson(WebChatAdapter.Channel, "web-anna"));
    }

    [Fact]
    public async Task An_auditor_cannot_open_the_chat_and_a_forged_post_changes_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);

        browser.Open("/admin/chat");

        Assert.StartsWith("/admin/denied", browser.Location, StringComparison.Ordinal);
        Assert.True(browser.Exists("#denied"));
        Assert.False(browser.Exists("a[href='/admin/chat']"));

        // The auditor's own antiforgery token (from the sign-out form) does not make the post allowed.
        browser.RunAndWait(() => ((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            "var f = document.querySelector('header form'); f.action = '/admin/chat/send';" +
            "var i = document.createElement('input'); i.name = 'text'; i.value = '/start'; f.appendChild(i); f.submit();"));

        Assert.StartsWith("/admin/denied", browser.Location, StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<WebChatSessions>().Transcript("web-irina"));
        Assert.Null(host.Services.GetRequiredService<IConsentStore>().FindPerson(WebChatAdapter.Channel, "web-irina"));
        Assert.Empty(ConsentEvents(host));
    }

    [Fact]
    public async Task Starting_over_talks_as_a_new_person_the_bot_has_never_seen()
    {
        await using var host = await ConsoleHost.StartAsync();

        // web-oleg-2 already has history (say, from before a restart), so it must be skipped.
        await host.Chat("web-oleg-2", WebChatAdapter.Channel).Send("/start").SkipReplies().StartTestAsync();
        await host.GiveMailingConsentAsync("web-oleg", WebChatAdapter.Channel);
        using var browser = new HeadlessChromium(host.Address);
        OpenChat(browser, ConsoleHost.OperatorLogin);
        Type(browser, "/start");
        Assert.Contains(BotTexts.MenuTitle, browser.Find(".bubble.bot").Text, StringComparison.Ordinal);

        Click(browser, browser.Find("#chat-reset"));

        Assert.Equal("web-oleg-3", browser.Find("#chat-user").Text);
        Assert.Contains("web-oleg-3", browser.Find("#chat-flash").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll(".bubble"));
        Type(browser, "/start");
        Assert.Equal([MailingBox, BotTexts.SubmitButton, BotTexts.DeclineButton], ButtonLabels(browser));
        Assert.NotNull(host.Services.GetRequiredService<IConsentStore>().FindPerson(WebChatAdapter.Channel, "web-oleg-3"));
    }

    [Fact]
    public async Task A_button_no_longer_under_its_message_presses_nothing()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        OpenChat(browser, ConsoleHost.OperatorLogin);
        Type(browser, "/start");

        // A form from an outdated page: the box is already ticked in another tab.
        var stale = Button(browser, MailingBox);
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].value = 'consent:submit:nonexistent';", stale);
        Click(browser, stale);

        Assert.Contains("больше нет", browser.Find("#chat-flash.error").Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll(".bubble.me.press"));
        Assert.Empty(ConsentEvents(host));
    }


    private static void OpenChat(HeadlessChromium browser, string login)
    {
        browser.SignIn(login);
        browser.Open("/admin/chat");
        Assert.True(browser.Exists("#chat-text"), browser.Location);
    }

    private static void Type(HeadlessChromium browser, string text)
    {
        browser.Find("#chat-text").SendKeys(text);
        Click(browser, browser.Find("#chat-send"));
    }

    /// <summary>Presses the newest button with this label, as a person would in a messenger.</summary>
    private static void Press(HeadlessChromium browser, string label) => Click(browser, Button(browser, label));

    /// <summary>Submits and waits for the page after the redirect, so the next look is at the new page.</summary>
    private static void Click(HeadlessChromium browser, IWebElement element)
    {
        browser.ClickAndWait(element);
        Assert.StartsWith("/admin/chat", browser.Location, StringComparison.Ordinal);
    }

    private static IWebElement Button(HeadlessChromium browser, string label) =>
        browser.FindAll("button.chat-button").Last(b => b.Text == label);

    private static List<string> ButtonLabels(HeadlessChromium browser) => [.. browser.FindAll("button.chat-button").Select(b => b.Text)];

    private static List<AuditEntry> ConsentEvents(ConsoleHost host) =>
        [.. host.Audit.ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind)];
}
