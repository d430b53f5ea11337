using PdBot.Core.Admin;
using PdBot.Core.Conversations;

namespace PdBot.Tests.Inbox;

/// <summary>Operators answer from the console: the reply goes to the person's channel, stored and audited, or is refused with nothing stored.</summary>
public sealed class OperatorReplyTests : IDisposable
{
    private const string Operator = "oleg";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private ConversationService Inbox => _host.Conversations();

    [Fact]
    public async Task A_reply_is_queued_to_the_persons_chat_with_the_staff_signature_stored_marked_read_and_audited()
    {
        await _host.Chat().Send("когда мне перезвонят?").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();
        _host.Clock.Advance(TimeSpan.FromMinutes(20));

        var result = await Inbox.ReplyAsync(c.Id, Operator, "  Перезвоним сегодня до 18:00.  ");

        Assert.True(result.Ok, result.Message);
        var sent = Assert.Single(_host.Outbox().Pending("test"), m => m.Kind == ConversationService.ReplyKind);
        Assert.Equal(("u1", "Сотрудник клиники: Перезвоним сегодня до 18:00."), (sent.ChatId, sent.Text));
        var reply = Inbox.Store.Messages(c.Id)[^1];
        Assert.Equal((Operator, "Перезвоним сегодня до 18:00.", _host.Clock.GetUtcNow().UtcDateTime), (reply.Author, reply.Text, reply.AtUtc));
        Assert.Equal(0, _host.ConversationOf().Unread);
        var entry = Assert.Single(_host.Audit.ReadAll(), e => e.Event == ConversationService.Replied);
        Assert.Equal((ConversationService.AuditKind, Operator, c.PersonId), (entry.Kind, entry.Actor, entry.PersonId));
        Assert.DoesNotContain("Перезвоним", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_to_a_blocked_person_is_refused_in_russian_and_nothing_is_stored_or_sent()
    {
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var person = _host.Store.FindPerson("test", "u1")!;
        (person.Blocked, person.BlockedByRequestId) = (true, 7);
        await _host.Store.SaveAsync(person, true, [], []);
        var c = _host.ConversationOf();

        var result = await Inbox.ReplyAsync(c.Id, Operator, "Здравствуйте!");

        Assert.False(result.Ok);
        Assert.Contains("заблокирована по запросу № 7", result.Message, StringComparison.Ordinal);
        Assert.Single(Inbox.Store.Messages(c.Id));
        Assert.DoesNotContain(_host.Outbox().Pending("test"), m => m.Kind == ConversationService.ReplyKind);
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == ConversationService.Replied);
        Assert.Equal(1, _host.ConversationOf().Unread);
    }

    [Fact]
    public async Task Empty_too_long_and_closed_replies_are_refused_with_a_reason()
    {
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();

        var empty = await Inbox.ReplyAsync(c.Id, Operator, "   ");
        var tooLong = await Inbox.ReplyAsync(c.Id, Operator, new string('а', InboxTexts.MaxReplyLength + 1));
        var longest = await Inbox.ReplyAsync(c.Id, Operator, new string('б', InboxTexts.MaxReplyLength));
        Assert.True((await Inbox.CloseAsync(c.Id, Operator)).Ok);
        var closed = await Inbox.ReplyAsync(c.Id, Operator, "Ещё одно");
        var missing = await Inbox.ReplyAsync(c.Id + 100, Operator, "Кому?");

        Assert.Equal((false, InboxTexts.EmptyReply), (empty.Ok, empty.Message));
        Assert.False(tooLong.Ok);
        Assert.Contains("не больше 4077", tooLong.Message, StringComparison.Ordinal);
        Assert.True(longest.Ok);
        Assert.Equal(InboxTexts.PlatformLimit, Assert.Single(_host.Outbox().Pending("test"), m => m.Kind == ConversationService.ReplyKind).Text.Length);
        Assert.False(closed.Ok);
        Assert.Contains("закрыта", closed.Message, StringComparison.Ordinal);
        Assert.False(missing.Ok);
        Assert.Equal(2, Inbox.Store.Messages(c.Id).Count);
    }

    [Fact]
    public async Task An_operator_closes_and_reopens_through_the_machine_and_each_change_is_audited_once()
    {
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();

        Assert.True((await Inbox.CloseAsync(c.Id, Operator)).Ok);
        var again = await Inbox.CloseAsync(c.Id, Operator);
        Assert.Equal((ConversationState.Closed, Operator), (_host.ConversationOf().State, _host.ConversationOf().ClosedBy));
        Assert.True((await Inbox.ReopenAsync(c.Id, Operator)).Ok);

        Assert.False(again.Ok);
        Assert.Contains("уже закрыта", again.Message, StringComparison.Ordinal);
        var reopened = _host.ConversationOf();
        Assert.Equal((ConversationState.Open, null, null), (reopened.State, reopened.ClosedBy, reopened.ClosedAtUtc));
        var events = _host.Audit.ReadAll().Where(e => e.Kind == ConversationService.AuditKind && e.Actor == Operator).Select(e => e.Event);
        Assert.Equal([ConversationService.Closed, ConversationService.Reopened], events);
    }

    [Fact]
    public async Task Viewing_writes_the_viewed_entry_and_marks_read_only_for_an_operator()
    {
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();

        await Inbox.ViewAsync(c.Id, "irina", markRead: false);
        Assert.Equal(1, _host.ConversationOf().Unread);
        await Inbox.ViewAsync(c.Id, Operator, markRead: true);

        Assert.Equal(0, _host.ConversationOf().Unread);
        var viewed = _host.Audit.ReadAll().Where(e => e.Kind == AdminEvents.Kind && e.Event == AdminEvents.Viewed).ToList();
        Assert.Equal(["irina", Operator], viewed.Select(e => e.Actor));
        Assert.All(viewed, e => Assert.Equal((ConversationService.ViewedDetail(c.Id), c.PersonId), (e.Detail, e.PersonId)));
        Assert.Single(_host.Audit.ReadAll(), e => e.Event == ConversationService.Read && e.Actor == Operator);
    }

    [Fact]
    public async Task A_reply_to_a_person_who_blocked_the_bot_is_refused_until_they_write_again()
    {
        await _host.Chat().Send("оператор").SkipReplies()
            .Send(new Core.Turns.Activity { Type = Core.Turns.ActivityType.Blocked, ChannelId = "test", UserId = "u1", ChatId = "u1" })
            .StartTestAsync();
        var c = _host.ConversationOf();

        var refused = await Inbox.ReplyAsync(c.Id, Operator, "Здравствуйте!");
        await _host.Chat().Send("я снова здесь").SkipReplies().StartTestAsync();
        var accepted = await Inbox.ReplyAsync(c.Id, Operator, "Здравствуйте!");

        Assert.Equal((false, InboxTexts.Unreachable), (refused.Ok, refused.Message));
        Assert.True(accepted.Ok, accepted.Message);
        Assert.Single(_host.Audit.ReadAll(), e => e.Event == ConversationService.Replied);
    }
}
