using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation;
using PdBot.Bot.Conversation.Reviews;
using PdBot.Core.Admin;
using PdBot.Core.Consent;
using PdBot.Core.Reviews;

namespace PdBot.Tests.Admin.Console;

/// <summary>The review registry and a review's page in headless Chromium: «снять немедленно» on top, publication validated and audited.</summary>
public sealed class ReviewsPageTests
{
    [Fact]
    public async Task The_registry_puts_take_down_now_on_top_and_a_review_is_published_with_a_checked_url_and_date()
    {
        await using var host = await ConsoleHost.StartAsync();
        var reviews = host.Services.GetRequiredService<ReviewService>();
        var review = host.Services.GetRequiredService<ConsentCatalog>().Review!;
        await SendReviewAsync(host, "6001", "Спасибо, всё прошло отлично");
        await SendReviewAsync(host, "6002", "Очень вежливые администраторы");
        var withdrawn = reviews.Store.List().Single(r => r.Text == "Спасибо, всё прошло отлично");
        var received = reviews.Store.List().Single(r => r.Text == "Очень вежливые администраторы");
        Assert.Null(await reviews.PublishAsync(withdrawn.Id, "https://clinic.example/reviews/1", reviews.Today, ConsoleHost.OperatorLogin));
        await host.Chat("6001").Send(BotTexts.WithdrawConsentPrefix + review.Title).SkipReplies().StartTestAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        browser.Open("/admin/reviews");

        var rows = browser.FindAll("tr.review-row");
        Assert.Equal([nameof(ReviewState.TakeDownNow), nameof(ReviewState.Received)], rows.Select(r => r.GetAttribute("data-state")!));
        Assert.Equal("снять немедленно", browser.Find("tr.review-row .take-down-now").Text);

        browser.Open($"/admin/reviews/{received.Id}");
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.Detail == $"review {received.Id}");
        Assert.Equal("Очень вежливые администраторы", browser.Find("#review-text").Text);
        browser.Find("#publish-url").SendKeys("clinic.example/r");
        browser.SetValue("#publish-date", reviews.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        browser.ClickAndWait("#publish");

        Assert.Equal(
            ["Адрес публикации должен быть полной ссылкой, начинающейся с http:// или https://.", "Дата публикации не может быть в будущем."],
            browser.FindAll(".publish-error").Select(e => e.Text));
        Assert.Equal(ReviewState.Received, reviews.Store.Find(received.Id)!.State);
        Assert.Equal("clinic.example/r", browser.Find("#publish-url").GetAttribute("value"));

        browser.Find("#publish-url").Clear();
        browser.Find("#publish-url").SendKeys("https://vk.com/wall-1_42");
        browser.SetValue("#publish-date", reviews.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        browser.ClickAndWait("#publish");

        Assert.Equal(nameof(ReviewState.Published), browser.Find("#state").GetAttribute("data-state"));
        var published = reviews.Store.Find(received.Id)!;
        Assert.Equal(("https://vk.com/wall-1_42", ConsoleHost.OperatorLogin), (published.PublishedUrl, published.PublishedBy));
        Assert.Contains(host.Audit.OfKind(ReviewService.AuditKind), e => e.Event == "published" && e.Actor == ConsoleHost.OperatorLogin);

        browser.Open("/admin/reviews");
        var path = browser.Screenshot("reviews");
        if (Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable) == "1")
        {
            File.Copy(path, Path.Combine(RepoRoot.Path, "docs", "reviews.png"), overwrite: true);
        }
    }

    internal static Task SendReviewAsync(ConsoleHost host, string user, string text) =>
        host.Chat(user).Send("Оставить отзыв").SkipReplies()
            .Press("☐ " + host.Services.GetRequiredService<ConsentCatalog>().Review!.Label).SkipReplies()
            .Press("Отправить").SkipReplies()
            .Send(text).SkipReplies()
            .Press(ReviewTexts.AnonymousButton).SkipReplies()
            .Press(ReviewTexts.SendButton).SkipReplies()
            .StartTestAsync();
}
