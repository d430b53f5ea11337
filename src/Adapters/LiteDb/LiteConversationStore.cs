using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>Inbox conversations and their messages in LiteDB; writes go through the group-commit writer.</summary>
public sealed class LiteConversationStore : IConversationStore, IPersonDataEraser
{
    public const string Conversations = "conversations";
    public const string MessagesCollection = "conversation_messages";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _conversationIds;
    private readonly IdSequence _messageIds;

    public LiteConversationStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        _conversationIds = new IdSequence(storage, Conversations);
        _messageIds = new IdSequence(storage, MessagesCollection);
        storage.OnRollback(_conversationIds.Forget);
        storage.OnRollback(_messageIds.Forget);
        var db = storage.Database;
        db.GetCollection<Conversation>(Conversations).EnsureIndex(c => c.PersonId);
        db.GetCollection<Conversation>(Conversations).EnsureIndex(c => c.State);
        db.GetCollection<ConversationMessage>(MessagesCollection).EnsureIndex(m => m.ConversationId);
        db.GetCollection<ConversationMessage>(MessagesCollection).EnsureIndex(m => m.PersonId);
        db.GetCollection<ConversationMessage>(MessagesCollection).EnsureIndex(m => m.AtUtc);
    }

    private ILiteCollection<Conversation> ConversationCollection => _storage.Database.GetCollection<Conversation>(Conversations);

    private ILiteCollection<ConversationMessage> MessageCollection => _storage.Database.GetCollection<ConversationMessage>(MessagesCollection);

    public long NextId() => _conversationIds.Next();

    public long NextMessageId() => _messageIds.Next();

    public Conversation? Find(long id) =>
        DeferredWrites.Current?.Written<Conversation>(Conversations).FirstOrDefault(c => c.Id == id) ?? ConversationCollection.FindById(id);

    public Conversation? LatestOf(string personId) =>
        DeferredWrites.Overlay(Conversations, ConversationCollection.Find(BsonExpression.Create("$.PersonId = @0", personId)), Key, c => c.PersonId == personId)
            .OrderByDescending(c => c.Id).FirstOrDefault();

    public IReadOnlyList<Conversation> List(bool openOnly) =>
        [.. (openOnly ? ConversationCollection.Find(BsonExpression.Create("$.State = @0", ConversationState.Open.ToString())) : ConversationCollection.FindAll())
            .OrderByDescending(c => c.LastMessageAtUtc).ThenByDescending(c => c.Id)];

    public IReadOnlyList<ConversationMessage> Messages(long conversationId) =>
        [.. MessageCollection.Find(BsonExpression.Create("$.ConversationId = @0", conversationId)).OrderBy(m => m.Id)];

    public IReadOnlyList<ConversationMessage> MessagesOf(string personId) =>
        [.. MessageCollection.Find(BsonExpression.Create("$.PersonId = @0", personId)).OrderBy(m => m.Id)];

    public IReadOnlyList<ConversationMessage> MessagesBefore(DateTime cutoffUtc) =>
        [.. MessageCollection.Find(m => m.AtUtc < cutoffUtc).OrderBy(m => m.Id)];

    public Task SaveAsync(Conversation conversation, IReadOnlyList<ConversationMessage> added, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (conversation.Id == 0)
        {
            conversation.Id = _conversationIds.Next();
        }

        foreach (var m in added)
        {
            (m.Id, m.ConversationId) = (m.Id == 0 ? _messageIds.Next() : m.Id, conversation.Id);
        }

        DeferredWrites.Current?.Remember(Conversations, Key(conversation), conversation);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Conversation>(Conversations).Upsert(conversation);
            if (added.Count > 0)
            {
                db.GetCollection<ConversationMessage>(MessagesCollection).Insert(added);
                _messageIds.Persist(db, added.Max(m => m.Id));
            }

            _conversationIds.Persist(db, conversation.Id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task<int> DestroyMessagesBeforeAsync(DateTime cutoffUtc, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var count = 0;
        return _storage.Writer.WriteAsync(db =>
        {
            count = db.GetCollection<ConversationMessage>(MessagesCollection).DeleteMany(m => m.AtUtc < cutoffUtc);

            // A sent reply keeps its text in the outbox (only the chat id is cleared): it goes with the message.
            db.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).DeleteMany(m => m.Kind == ConversationService.ReplyKind && m.CreatedAtUtc < cutoffUtc);
            _audit.AppendOnWriterThread(db, audit);
        }).ContinueWith(_ => count, cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>A destroyed person's messages go with their identifiers; a contract (patient) keeps the correspondence.</summary>
    public void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erasure);
        if (erasure.Identifiers)
        {
            var messages = db.GetCollection<ConversationMessage>(MessagesCollection);
            var keys = new BsonArray(messages.Find(BsonExpression.Create("$.PersonId = @0", erasure.PersonId))
                .Select(m => new BsonValue(ConversationService.ReplyKey(m.Id))));
            messages.DeleteMany(BsonExpression.Create("$.PersonId = @0", erasure.PersonId));

            // Operators' replies, sent or still waiting, go too: they hold the chat id until sent and the text after.
            if (keys.Count > 0)
            {
                db.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).DeleteMany(Query.In(nameof(OutboxMessage.DedupeKey), keys));
            }
        }
    }

    private static string Key(Conversation c) => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
