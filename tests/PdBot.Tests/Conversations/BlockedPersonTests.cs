using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Tests.Conversations;

/// <summary>
/// A person whose data are blocked (a blocking request, 152-FZ Art. 21; policy 6.2.5–6.2.6) gets no prompt, tick or
/// consent for any purpose until unblocked, but can still stop the mailing and use «Мои данные».
/// </summary>
public sealed class BlockedPersonTests : IDisposable
{
    private const string ReviewBox = "☐ Разрешаю опубликовать мой отзыв";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_blocked_person_gets_no_prompt_or_consent_but_can_still_unsubscribe_and_reach_my_data()
    {
        await _host.GiveMailingConsentAsync();
        var review = BotTexts.GiveConsentPrefix + _host.Catalog.Get("review").Title;
        await _host.Chat().Send("Меню").SkipReplies().Press(review).SkipReplies()
            .Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Blocking)).Press("О себе").Press("Паспорт РФ").SkipReplies()
            .Send("4510 123456").Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор 77").SkipReplies()
            .Send("Мои данные обрабатываются без основания").SkipReplies()
            .Send("Привет").AssertReply(r =>
            {
                Assert.Contains("заблокирована по запросу № 1", r.Text, StringComparison.Ordinal);
                Assert.Equal([BotTexts.MyDataButton], r.Buttons.Select(b => b.Label));
            })
            .Press(ReviewBox).AssertAnswer(BotTexts.BlockedHint).AssertReply("заблокирована")
            .Press("Отправить").AssertAnswer(BotTexts.BlockedHint).AssertReply("заблокирована")
            .Send("Отписаться").AssertReply(BotTexts.Unsubscribed)
            .Send("/privacy").AssertReply(r => Assert.Contains(RequestTexts.Title(RequestType.Access), r.Buttons.Select(b => b.Label)))
            .StartTestAsync();

        Assert.NotEqual(ConsentState.Ticked, _host.StateOf("review"));
        Assert.NotEqual(ConsentState.Given, _host.StateOf("review"));
        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
        Assert.True(_host.Store.FindPerson("test", "u1")!.Blocked);
    }
}
