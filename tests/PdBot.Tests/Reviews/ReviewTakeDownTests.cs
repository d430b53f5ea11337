using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation;
using PdBot.Bot.Conversation.Reviews;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Core.Reviews;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Reviews;

/// <summary>
/// Withdrawal of the review consent (ст. 10.1 152-ФЗ): a published review goes to «снять немедленно» with the operators
/// alerted at once, by the menu or by a request; an unpublished one is withdrawn and its text destroyed; the registry
/// keeps who took it down and when.
/// </summary>
public sealed class ReviewTakeDownTests : IDisposable
{
    private readonly PdBotTestHost _host = new(new() { ["Requests:AdminChannel"] = "telegram", ["Requests:AdminChatId"] = "-100500" });

    public void Dispose() => _host.Dispose();

    private ReviewService Service => _host.Services.GetRequiredService<ReviewService>();

    private string PersonId => _host.Store.FindPerson("test", "u1")!.Id;

    private IReadOnlyList<OutboxMessage> Alerts => _host.Services.GetRequiredService<IOutbox>().Pending("telegram");

    [Fact]
    public async Task Withdrawing_the_consent_in_the_chat_puts_a_published_review_into_take_down_now_with_an_alert_at_once()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Спасибо за заботу!");
        Assert.Null(await Service.PublishAsync(review.Id, "https://clinic.example/reviews/7", Service.Today, "operator1"));

        await chat.PressAsync(BotTexts.WithdrawConsentPrefix + _host.Catalog.Review!.Title);

        var down = Service.Store.Find(review.Id)!;
        Assert.Equal(ReviewState.TakeDownNow, down.State);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, down.TakeDownRequestedAtUtc);
        Assert.Single(Alerts, a => a.Text == $"Снимите отзыв № {review.Id} немедленно: согласие на публикацию отозвано (ст. 10.1 152-ФЗ).");
        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("review"));
    }

    [Fact]
    public async Task Taken_down_records_the_login_and_time_and_erases_the_text_but_keeps_the_url()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Всё понравилось");
        await Service.PublishAsync(review.Id, "https://vk.com/wall-1_2", Service.Today, "operator1");
        await chat.PressAsync(BotTexts.WithdrawConsentPrefix + _host.Catalog.Review!.Title);
        _host.Clock.Advance(TimeSpan.FromMinutes(12));

        Assert.Null(await Service.TakeDownAsync(review.Id, "operator2"));

        var down = Service.Store.Find(review.Id)!;
        Assert.Equal(ReviewState.TakenDown, down.State);
        Assert.Equal(("operator2", _host.Clock.GetUtcNow().UtcDateTime), (down.TakenDownBy, down.TakenDownAtUtc));
        Assert.Equal(("https://vk.com/wall-1_2", "operator1"), (down.PublishedUrl, down.PublishedBy));
        Assert.Null(down.Text);
        Assert.Null(down.Signature);
        Assert.Contains(_host.Audit.OfKind(ReviewService.AuditKind), e => e.Kind == ReviewService.AuditKind && e.Event == "taken-down" && e.Actor == "operator2");
    }

    [Fact]
    public async Task Withdrawing_before_publication_destroys_the_text_and_asks_for_no_take_down()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Хорошо");

        await chat.PressAsync(BotTexts.WithdrawConsentPrefix + _host.Catalog.Review!.Title);

        var withdrawn = Service.Store.Find(review.Id)!;
        Assert.Equal((ReviewState.Withdrawn, null, null), (withdrawn.State, withdrawn.Text, withdrawn.Signature));
        Assert.DoesNotContain(Alerts, a => a.Text.StartsWith("Снимите отзыв №", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdraw_distribution_request_takes_every_published_review_down_at_once()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Рекомендую");
        await Service.PublishAsync(review.Id, "https://clinic.example/r/1", Service.Today, "operator1");
        var requests = _host.Services.GetRequiredService<RequestService>();
        var person = _host.Store.FindPerson("test", "u1")!;
        var draft = requests.Start(person, RequestType.WithdrawDistribution, IntakeStep.Complete.ToString());
        await requests.SaveDraftAsync(draft);

        await _host.Services.GetRequiredService<RetentionService>().AcceptAsync(person, draft);

        Assert.Equal(ReviewState.TakeDownNow, Service.Store.Find(review.Id)!.State);
        Assert.Single(Alerts, a => a.Text.StartsWith($"Снимите отзыв № {review.Id} немедленно", StringComparison.Ordinal));
        Assert.DoesNotContain(Alerts, a => a.Text.StartsWith("Снимите опубликованный отзыв", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destruction_after_withdrawal_erases_texts_and_signatures_and_keeps_the_registry_record()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Прекрасно", name: "Ольга");
        await Service.PublishAsync(review.Id, "https://clinic.example/r/2", Service.Today, "operator1");
        await chat.PressAsync(BotTexts.WithdrawConsentPrefix + _host.Catalog.Review!.Title);
        var retention = _host.Services.GetRequiredService<RetentionService>();

        _host.Clock.Advance(TimeSpan.FromDays(40));
        Assert.True(await retention.RunDueAsync() > 0);

        var kept = Service.Store.Find(review.Id)!;
        Assert.Equal((null, null), (kept.Text, kept.Signature));
        Assert.Equal("https://clinic.example/r/2", kept.PublishedUrl);
    }

    [Fact]
    public async Task The_access_answer_lists_the_reviews_with_states_and_where_published()
    {
        var chat = new ReviewChat(_host);
        var review = await SendReviewAsync(chat, "Спасибо");
        await Service.PublishAsync(review.Id, "https://clinic.example/r/3", Service.Today, "operator1");

        var section = _host.Services.GetServices<IAccessReportSection>().OfType<ReviewAccessSection>().Single().Describe(PersonId);

        Assert.Contains($"отзыв № {review.Id}", section, StringComparison.Ordinal);
        Assert.Contains("опубликован", section, StringComparison.Ordinal);
        Assert.Contains("https://clinic.example/r/3", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clinic.example/r/1", 0, "http:// или https://")]
    [InlineData("ftp://clinic.example/r/1", 0, "http:// или https://")]
    [InlineData("", 0, "Укажите адрес публикации")]
    [InlineData("https://clinic.example/r/1", 1, "не может быть в будущем")]
    public void Publication_fields_are_checked_with_russian_errors(string url, int daysAhead, string error)
    {
        var errors = Service.ValidatePublication(url, Service.Today.AddDays(daysAhead));

        Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal));
        Assert.Empty(Service.ValidatePublication("https://clinic.example/r/1", Service.Today));
    }

    private async Task<Review> SendReviewAsync(ReviewChat chat, string text, string? name = null)
    {
        await chat.GiveConsentAsync();
        await chat.SendAsync(text);
        if (name is null)
        {
            await chat.PressAsync(ReviewTexts.AnonymousButton);
        }
        else
        {
            await chat.PressAsync(ReviewTexts.SignButton);
            await chat.SendAsync(name);
        }

        await chat.PressAsync(ReviewTexts.SendButton);
        return Assert.Single(Service.Store.OfPerson(PersonId), r => r.State == ReviewState.Received);
    }
}
