using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace PdBot.Tests.Conversations;

/// <summary>
/// The first prompt follows what the person came for: booking words and a link naming a purpose open that purpose's
/// consent, «оператор» reaches a person, anything unrecognised goes to the inbox; the mailing is offered, never a gate.
/// </summary>
public sealed class EntryByIntentTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private PurposeOptions Consultation => _host.Catalog.Consultation!;

    private IConversationStore Inbox => _host.Services.GetRequiredService<IConversationStore>();

    private string PersonId => _host.Store.FindPerson("test", "u1")!.Id;

    [Theory]
    [InlineData("Хочу записаться на консультацию к терапевту на пятницу")]
    [InlineData("Здравствуйте, сколько стоит приём?")]
    [InlineData("запишите меня к врачу")]
    public async Task A_first_message_about_booking_opens_the_consultation_consent_not_the_mailing(string text)
    {
        await _host.Chat().Send(text)
            .AssertReply(r =>
            {
                Assert.Contains(Consultation.Text, r.Text, StringComparison.Ordinal);
                Assert.Equal(["☐ " + Consultation.Label, "Отправить", "Не согласен(на)"], r.Buttons.Select(b => b.Label));
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ConsentState.Offered, _host.StateOf(Consultation.Id));
        Assert.Equal(ConsentState.NotAsked, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_link_naming_a_purpose_opens_that_consent_first()
    {
        await _host.Chat().Send(Activity.Message("test", "u1", "/start", "s1") with { Source = "consultation" })
            .AssertReply(r => Assert.Contains(Consultation.Text, r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ConsentState.Offered, _host.StateOf(Consultation.Id));
        Assert.Equal(ConsentState.NotAsked, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task Asking_for_the_review_form_offers_the_separate_review_consent()
    {
        await _host.Chat().Send("Оставить отзыв")
            .AssertReply(r => Assert.Contains(_host.Catalog.Review!.Text, r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ConsentState.Offered, _host.StateOf("review"));
    }

    [Fact]
    public async Task A_question_the_bot_cannot_answer_reaches_the_inbox_without_any_consent_asked()
    {
        await _host.Chat().Send("когда мне перезвонят?")
            .AssertReply(r =>
            {
                Assert.Contains("передано сотруднику клиники", r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.SubscribeButton, r.Buttons.Select(b => b.Label));
                Assert.Contains(BotTexts.LeaveInboxButton, r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();

        var conversation = Inbox.LatestOf(PersonId)!;
        Assert.Equal((ConversationState.Open, ConversationTopics.Unhandled, 1), (conversation.State, conversation.Topic, conversation.Unread));
        Assert.Equal("когда мне перезвонят?", Assert.Single(Inbox.Messages(conversation.Id)).Text);
        Assert.Empty(_host.ConsentEvents());
    }

    [Fact]
    public async Task Operator_typed_under_an_open_mailing_prompt_reaches_a_person_and_the_prompt_stays()
    {
        await _host.Chat().Send("/start").SkipReplies()
            .Send("оператор").AssertReply(r => Assert.Contains("Позвали сотрудника клиники", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ConversationTopics.Asked, Inbox.LatestOf(PersonId)!.Topic);
        Assert.Equal(ConsentState.Offered, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task Ordinary_text_under_an_open_prompt_still_gets_the_hint()
    {
        await _host.Chat().Send("/start").SkipReplies()
            .Send("ок").AssertReply(BotTexts.OpenFormHint(_host.Catalog.Mailing.Title, ticked: false))
            .StartTestAsync();

        Assert.Null(Inbox.LatestOf(PersonId));
    }

    [Fact]
    public async Task The_menu_offers_what_the_consents_are_for_and_a_person()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Меню")
            .AssertReply(r => Assert.Equal(
                [BotTexts.UnsubscribeButton, BotTexts.TopicsButton, BotTexts.ConsultButton, BotTexts.ReviewButton, BotTexts.OperatorButton],
                r.Buttons.Take(5).Select(b => b.Label)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_person_can_leave_the_inbox_and_writing_again_reopens_it()
    {
        await _host.Chat().Send("у меня вопрос по счёту").SkipReplies()
            .Press(BotTexts.LeaveInboxButton).AssertAnswer("").AssertReply(r => Assert.Contains(BotTexts.InboxLeft, r.Text, StringComparison.Ordinal))
            .StartTestAsync();
        Assert.Equal(ConversationState.Closed, Inbox.LatestOf(PersonId)!.State);

        await _host.Chat().Send("и ещё вопрос").AssertReply(r => Assert.Contains("передано", r.Text, StringComparison.Ordinal)).StartTestAsync();

        var conversation = Inbox.LatestOf(PersonId)!;
        Assert.Equal(ConversationState.Open, conversation.State);
        Assert.Equal(2, Inbox.Messages(conversation.Id).Count);
    }

    [Fact]
    public async Task A_second_message_joins_the_open_conversation_without_a_second_notice()
    {
        await _host.Chat().Send("у меня вопрос").SkipReplies().Send("по поводу анализов").AssertNoReply().StartTestAsync();

        Assert.Equal(2, Inbox.LatestOf(PersonId)!.Unread);
    }
}
