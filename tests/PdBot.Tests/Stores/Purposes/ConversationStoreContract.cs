using PdBot.Core.Conversations;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>IConversationStore as the inbox relies on it, on either provider.</summary>
public abstract class ConversationStoreContract : PurposeStoreContract
{
    private IConversationStore Store => Stores.Conversations;

    private Conversation NewConversation(string personId, DateTime lastMessageAtUtc, ConversationState state = ConversationState.Open) => new()
    {
        PersonId = personId,
        Channel = "telegram",
        State = state,
        OpenedAtUtc = Stores.Now,
        LastMessageAtUtc = lastMessageAtUtc,
    };

    private static ConversationMessage Message(string personId, DateTime atUtc, string text) => new() { PersonId = personId, AtUtc = atUtc, Text = text };

    private static OutboxMessage Reply(long messageId, DateTime createdAtUtc) => new()
    {
        Channel = "telegram",
        ChatId = "100",
        Text = "ответ",
        Kind = ConversationService.ReplyKind,
        DedupeKey = ConversationService.ReplyKey(messageId),
        CreatedAtUtc = createdAtUtc,
    };

    [Fact]
    public async Task A_saved_conversation_gets_ids_and_is_read_back_with_its_messages_outbox_and_audit()
    {
        var conversation = NewConversation("p1", Stores.Now);
        var first = Message("p1", Stores.Now, "Здравствуйте");
        var second = Message("p1", Stores.Now.AddMinutes(1), "Есть вопрос");
        var reply = new OutboxMessage { Channel = "telegram", ChatId = "100", Text = "Оператор ответит", Kind = "inbox-ack", CreatedAtUtc = Stores.Now };

        await Store.SaveAsync(conversation, [first, second], [reply], [Entry("opened", "p1")]);

        Assert.True(conversation.Id > 0);
        Assert.True(first.Id > 0 && second.Id > first.Id);
        Assert.Equal((conversation.Id, conversation.Id), (first.ConversationId, second.ConversationId));
        var found = Store.Find(conversation.Id)!;
        Assert.Equal(("p1", ConversationState.Open, Stores.Now), (found.PersonId, found.State, found.LastMessageAtUtc));
        Assert.Equal(DateTimeKind.Utc, found.LastMessageAtUtc.Kind);
        Assert.Equal(conversation.Id, Store.LatestOf("p1")!.Id);
        Assert.Null(Store.LatestOf("p2"));
        Assert.Equal(["Здравствуйте", "Есть вопрос"], Store.Messages(conversation.Id).Select(m => m.Text));
        Assert.Equal([first.Id, second.Id], Store.MessagesOf("p1").Select(m => m.Id));
        Assert.Equal("Оператор ответит", Assert.Single(Stores.Outbox()).Text);
        AssertTrail("opened");
    }

    [Fact]
    public async Task Ids_handed_out_in_advance_are_kept_and_never_repeat()
    {
        var id = Store.NextId();
        var messageId = Store.NextMessageId();
        var conversation = NewConversation("p1", Stores.Now);
        conversation.Id = id;
        var message = Message("p1", Stores.Now, "текст");
        message.Id = messageId;

        await Store.SaveAsync(conversation, [message], [], []);
        var next = NewConversation("p2", Stores.Now);
        await Store.SaveAsync(next, [], [], []);

        Assert.Equal(messageId, Assert.Single(Store.Messages(id)).Id);
        Assert.True(next.Id > id);
        Assert.True(Store.NextMessageId() > messageId);
    }

    [Fact]
    public async Task The_latest_conversation_of_a_person_is_the_newest_and_the_list_is_by_latest_message_open_only_when_asked()
    {
        var old = NewConversation("p1", Stores.Now.AddHours(-5), ConversationState.Closed);
        await Store.SaveAsync(old, [], [], []);
        var latest = NewConversation("p1", Stores.Now.AddHours(-3));
        await Store.SaveAsync(latest, [], [], []);
        var other = NewConversation("p2", Stores.Now.AddHours(-1));
        await Store.SaveAsync(other, [], [], []);

        Assert.Equal(latest.Id, Store.LatestOf("p1")!.Id);
        Assert.Equal([other.Id, latest.Id, old.Id], Store.List(openOnly: false).Select(c => c.Id));
        Assert.Equal([other.Id, latest.Id], Store.List(openOnly: true).Select(c => c.Id));

        latest.State = ConversationState.Closed;
        await Store.SaveAsync(latest, [], [], []);
        Assert.Equal([other.Id], Store.List(openOnly: true).Select(c => c.Id));
    }

    [Fact]
    public async Task Inside_a_turn_the_saved_conversation_is_read_back_and_it_is_stored_only_when_the_turn_commits()
    {
        var conversation = NewConversation("p1", Stores.Now);
        var turn = Stores.BeginTurn();
        await Store.SaveAsync(conversation, [Message("p1", Stores.Now, "текст")], [], [Entry("opened", "p1")]);

        Assert.Same(conversation, Store.Find(conversation.Id));
        Assert.Same(conversation, Store.LatestOf("p1"));
        turn.Dispose();
        Assert.Null(Store.Find(conversation.Id));
        Assert.Empty(Store.MessagesOf("p1"));
        AssertTrail();

        await Stores.CommitTurnAsync(turn);

        Assert.Equal(conversation.Id, Store.LatestOf("p1")!.Id);
        Assert.Single(Store.MessagesOf("p1"));
        AssertTrail("opened");
    }

    [Fact]
    public async Task A_turn_dropped_without_commit_stores_nothing()
    {
        using (Stores.BeginTurn())
        {
            await Store.SaveAsync(NewConversation("p1", Stores.Now), [Message("p1", Stores.Now, "текст")], [], [Entry("opened", "p1")]);
        }

        Assert.Null(Store.LatestOf("p1"));
        Assert.Empty(Stores.Audit.ReadAll());
    }

    [Fact]
    public async Task Messages_before_the_cutoff_are_listed_then_destroyed_with_the_replies_queued_before_it()
    {
        var cutoff = Stores.Now;
        var conversation = NewConversation("p1", cutoff);
        var old = Message("p1", cutoff.AddDays(-2), "старое");
        var edge = Message("p1", cutoff, "на границе");
        var fresh = Message("p1", cutoff.AddDays(1), "новое");
        await Store.SaveAsync(conversation, [old, edge, fresh], [], []);
        var ack = new OutboxMessage { Channel = "telegram", ChatId = "100", Text = "другое", Kind = "inbox-ack", CreatedAtUtc = cutoff.AddDays(-2) };
        await Store.SaveAsync(conversation, [], [Reply(old.Id, cutoff.AddDays(-2)), Reply(fresh.Id, cutoff.AddDays(1)), ack], []);

        Assert.Equal(["старое"], Store.MessagesBefore(cutoff).Select(m => m.Text));
        var destroyed = await Store.DestroyMessagesBeforeAsync(cutoff, [Entry("destroyed")]);

        Assert.Equal(1, destroyed);
        Assert.Equal(["на границе", "новое"], Store.Messages(conversation.Id).Select(m => m.Text));
        Assert.Equal([ConversationService.ReplyKey(fresh.Id), null], Stores.Outbox().Select(m => m.DedupeKey));
        AssertTrail("destroyed");
    }

    [Fact]
    public async Task Erasing_a_person_with_identifiers_removes_their_messages_and_the_replies_to_them_only()
    {
        var mine = NewConversation("p1", Stores.Now);
        var message = Message("p1", Stores.Now, "моё");
        await Store.SaveAsync(mine, [message], [], []);
        var theirs = NewConversation("p2", Stores.Now);
        var other = Message("p2", Stores.Now, "чужое");
        await Store.SaveAsync(theirs, [other], [], []);
        await Store.SaveAsync(theirs, [], [Reply(message.Id, Stores.Now), Reply(other.Id, Stores.Now)], []);

        await Stores.EraseAsync(Store, new PersonErasure("p1", Identifiers: true));

        Assert.Empty(Store.MessagesOf("p1"));
        Assert.Equal(["чужое"], Store.MessagesOf("p2").Select(m => m.Text));
        Assert.Equal([ConversationService.ReplyKey(other.Id)], Stores.Outbox().Select(m => m.DedupeKey));
        Assert.NotNull(Store.Find(mine.Id));
    }

    [Fact]
    public async Task Erasing_a_person_whose_contract_keeps_the_identifiers_keeps_the_correspondence()
    {
        var conversation = NewConversation("p1", Stores.Now);
        var message = Message("p1", Stores.Now, "моё");
        await Store.SaveAsync(conversation, [message], [Reply(message.Id, Stores.Now)], []);

        await Stores.EraseAsync(Store, new PersonErasure("p1", Identifiers: false));

        Assert.Equal(["моё"], Store.MessagesOf("p1").Select(m => m.Text));
        Assert.Single(Stores.Outbox());
    }
}
