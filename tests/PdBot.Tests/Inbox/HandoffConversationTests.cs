using PdBot.Bot.Conversation;
using PdBot.Core.Conversations;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Inbox;

/// <summary>
/// Passing a person on to the clinic's staff through the real bot (TestAdapter, LiteDB file, fake clock): the
/// conversation is stored, the person is told when to expect an answer, operators are alerted once per burst.
/// </summary>
public sealed class HandoffConversationTests : IDisposable
{
    private readonly PdBotTestHost _host = new(InboxSteps.WithAdminChat());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Operator_typed_at_night_opens_a_conversation_and_says_an_answer_comes_tomorrow_morning()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.Zero)); // Monday 22:30 in the clinic

        await _host.Chat().Send("оператор").AssertReply(r =>
        {
            Assert.Contains("Позвали сотрудника клиники", r.Text, StringComparison.Ordinal);
            Assert.Contains("Сотрудник ответит завтра после 09:00", r.Text, StringComparison.Ordinal);
            Assert.Contains(BotTexts.LeaveInboxButton, r.Buttons.Select(b => b.Label));
        }).StartTestAsync();

        var c = _host.ConversationOf();
        Assert.Equal((ConversationState.Open, ConversationTopics.Asked, 1, "test"), (c.State, c.Topic, c.Unread, c.Channel));
        var message = Assert.Single(_host.Conversations().Store.Messages(c.Id));
        Assert.Equal((ConversationAuthors.Person, "оператор"), (message.Author, message.Text));
        Assert.Contains(_host.Audit.ReadAll(), e => e.Kind == ConversationService.AuditKind && e.Event == ConversationService.Opened && e.PersonId == c.PersonId);
        var alert = Assert.Single(_host.Alerts());
        Assert.Contains("Входящие", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("оператор", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_person_on_saturday_names_monday_as_the_answer_day()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)); // Saturday 13:00

        await _host.Chat().Send("позовите администратора")
            .AssertReply("Сейчас клиника не работает. Сотрудник ответит в понедельник, 30.11 после 09:00")
            .StartTestAsync();

        Assert.Equal(ConversationTopics.Asked, _host.ConversationOf().Topic);
    }

    [Fact]
    public async Task A_question_the_bot_does_not_handle_goes_to_the_inbox_and_a_second_message_joins_it_without_a_second_notice_or_alert()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("когда мне перезвонят?")
            .AssertReply(r =>
            {
                Assert.Contains("Ваше сообщение передано сотруднику клиники.", r.Text, StringComparison.Ordinal);
                Assert.Contains("в рабочее время клиники (09:00–20:00)", r.Text, StringComparison.Ordinal);
            })
            .Send("я жду звонка с утра").AssertNoReply()
            .StartTestAsync();

        var c = _host.ConversationOf();
        Assert.Equal((ConversationTopics.Unhandled, 2), (c.Topic, c.Unread));
        Assert.Equal(["когда мне перезвонят?", "я жду звонка с утра"], _host.Conversations().Store.Messages(c.Id).Select(m => m.Text));
        Assert.Single(_host.Alerts());
        Assert.Single(_host.Audit.ReadAll(), e => e.Kind == ConversationService.AuditKind && e.Event == ConversationService.Opened);
    }

    [Fact]
    public async Task Leaving_the_conversation_closes_it_and_the_next_message_reopens_it_with_a_new_alert()
    {
        await _host.Chat().Send("человек").SkipReplies()
            .Press(BotTexts.LeaveInboxButton).AssertAnswer("").AssertReply(r =>
            {
                Assert.Contains(BotTexts.InboxLeft, r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.OperatorButton, r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();

        var closed = _host.ConversationOf();
        Assert.Equal((ConversationState.Closed, ConversationAuthors.Person), (closed.State, closed.ClosedBy));
        Assert.Contains(_host.Audit.ReadAll(), e => e.Event == ConversationService.Closed && e.Actor == ConversationAuthors.Person);

        // An operator read it meanwhile, so the next message is news again.
        Assert.True(await _host.Conversations().MarkReadAsync(closed.Id, "oleg"));
        await _host.Chat().Send("ещё вопрос: сколько стоит анализ?").AssertReply("Ваше сообщение передано").StartTestAsync();

        var reopened = _host.ConversationOf();
        Assert.Equal((closed.Id, ConversationState.Open, 1), (reopened.Id, reopened.State, reopened.Unread));
        Assert.Equal(2, _host.Alerts().Count);
        Assert.Contains(_host.Audit.ReadAll(), e => e.Event == ConversationService.Reopened && e.PersonId == reopened.PersonId);
    }
}
