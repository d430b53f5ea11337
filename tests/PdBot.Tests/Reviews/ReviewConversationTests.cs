using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation.Reviews;
using PdBot.Core.Outbox;
using PdBot.Core.Reviews;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Reviews;

/// <summary>
/// The review form in the chat (policy 2.3.1, 5.3): asked only after the review consent, health words pointed out,
/// signature chosen, sent as received with the operators alerted; «Отмена» and 24 hours drop it.
/// </summary>
public sealed class ReviewConversationTests : IDisposable
{
    private readonly PdBotTestHost _host = new(new() { ["Requests:AdminChannel"] = "telegram", ["Requests:AdminChatId"] = "-100500" });

    public void Dispose() => _host.Dispose();

    private IReviewStore Reviews => _host.Services.GetRequiredService<IReviewStore>();

    private string PersonId => _host.Store.FindPerson("test", "u1")!.Id;

    private IReadOnlyList<OutboxMessage> Alerts => _host.Services.GetRequiredService<IOutbox>().Pending("telegram");

    [Fact]
    public async Task A_review_with_health_words_is_warned_about_fixed_signed_anonymously_and_stored_received_with_an_alert()
    {
        var chat = new ReviewChat(_host);

        var first = await chat.GiveConsentAsync();
        Assert.Contains("Напишите ваш отзыв", first.Text, StringComparison.Ordinal);
        Assert.Contains(ReviewTexts.CancelButton, first.AllButtons.Select(b => b.Label));

        var warning = await chat.SendAsync("Спасибо доктору, лечение гастрита прошло отлично, таблетки помогли");
        Assert.Contains("не должен их содержать", warning.Text, StringComparison.Ordinal);
        Assert.Equal([ReviewTexts.FixButton, ReviewTexts.KeepButton, ReviewTexts.CancelButton], warning.AllButtons.Select(b => b.Label));

        var again = await chat.PressAsync(ReviewTexts.FixButton);
        Assert.Contains("исправленный текст", again.Text, StringComparison.Ordinal);

        var signature = await chat.SendAsync("Очень внимательный персонал и чистые кабинеты!");
        Assert.Equal([ReviewTexts.SignButton, ReviewTexts.AnonymousButton, ReviewTexts.CancelButton], signature.AllButtons.Select(b => b.Label));

        var confirm = await chat.PressAsync(ReviewTexts.AnonymousButton);
        Assert.Contains("Очень внимательный персонал", confirm.Text, StringComparison.Ordinal);
        Assert.Contains("Подпись: Аноним", confirm.Text, StringComparison.Ordinal);

        var thanks = await chat.PressAsync(ReviewTexts.SendButton);

        var review = Assert.Single(Reviews.OfPerson(PersonId));
        Assert.Equal(ReviewState.Received, review.State);
        Assert.Equal(("Очень внимательный персонал и чистые кабинеты!", Review.Anonymous), (review.Text, review.Signature));
        Assert.True(review.HealthWordsFixed);
        Assert.False(review.HealthWordsKept);
        Assert.Contains($"номер — {review.Id}", thanks.Text, StringComparison.Ordinal);
        Assert.Contains("снят немедленно", thanks.Text, StringComparison.Ordinal);
        var alert = Assert.Single(Alerts, a => a.Kind == OutboxKind.OperatorAlert);
        Assert.Equal($"Новый отзыв № {review.Id}: откройте раздел «Отзывы» в консоли.", alert.Text);
    }

    [Fact]
    public async Task Leaving_health_words_as_they_are_is_stored_and_a_first_name_signs_the_review()
    {
        var chat = new ReviewChat(_host);
        await chat.GiveConsentAsync();
        await chat.SendAsync("Поставили диагноз быстро, спасибо");
        var keep = await chat.PressAsync(ReviewTexts.KeepButton);
        Assert.Contains("Как подписать отзыв", keep.Text, StringComparison.Ordinal);
        await chat.PressAsync(ReviewTexts.SignButton);

        var bad = await chat.SendAsync("Анна 1987");
        Assert.Contains("Имя — это буквы", bad.Text, StringComparison.Ordinal);
        var confirm = await chat.SendAsync("Анна");
        Assert.Contains("Подпись: Анна", confirm.Text, StringComparison.Ordinal);
        await chat.SendAsync("отправить отзыв");

        var review = Assert.Single(Reviews.OfPerson(PersonId));
        Assert.Equal((ReviewState.Received, "Анна", true), (review.State, review.Signature, review.HealthWordsKept));
    }

    [Theory]
    [InlineData("отмена")]
    [InlineData("Отмена")]
    public async Task Cancel_drops_the_form_and_keeps_nothing(string how)
    {
        var chat = new ReviewChat(_host);
        await chat.GiveConsentAsync();
        await chat.SendAsync("Хороший отзыв о клинике");

        var reply = how == "Отмена" ? await chat.PressAsync(ReviewTexts.CancelButton) : await chat.SendAsync(how);

        Assert.Contains(ReviewTexts.Cancelled, reply.Text, StringComparison.Ordinal);
        Assert.Empty(Reviews.OfPerson(PersonId));
        Assert.Empty(Alerts);
    }

    [Fact]
    public async Task A_form_left_for_24_hours_is_dropped_and_the_message_is_not_taken_as_an_answer()
    {
        var chat = new ReviewChat(_host);
        await chat.GiveConsentAsync();
        _host.Clock.Advance(ReviewDialog.FormLifetime);

        var reply = await chat.SendAsync("Отличная клиника");

        Assert.Contains("не был дописан за 24 часа", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Reviews.OfPerson(PersonId));
    }
}
