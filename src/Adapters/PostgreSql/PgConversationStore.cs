using System.Globalization;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Inbox conversations and their messages in PostgreSQL (the twin of <see cref="LiteConversationStore"/>); a turn's writes commit with the turn.</summary>
public sealed class PgConversationStore(PgStorage storage) : IConversationStore, IPgPersonDataEraser, IPgCopyTarget
{
    public const string Conversations = LiteConversationStore.Conversations;
    public const string MessagesTable = LiteConversationStore.MessagesCollection;

    private const string UpsertConversation = """
        INSERT INTO conversations (id, person_id, state, doc) VALUES ($1, $2, $3, $4::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, state = EXCLUDED.state, doc = EXCLUDED.doc
        """;

    private const string InsertMessage =
        "INSERT INTO conversation_messages (id, conversation_id, person_id, at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)";

    public long NextId() => storage.NextId("conversations_seq");

    public long NextMessageId() => storage.NextId("conversation_messages_seq");

    public Conversation? Find(long id) =>
        PgTurnWrites.Current?.Written<Conversation>(Conversations).FirstOrDefault(c => c.Id == id)
        ?? storage.Documents<Conversation>("SELECT doc FROM conversations WHERE id = $1", id).FirstOrDefault();

    public Conversation? LatestOf(string personId) =>
        PgTurnWrites.Overlay(Conversations, storage.Documents<Conversation>("SELECT doc FROM conversations WHERE person_id = $1", personId), Key, c => c.PersonId == personId)
            .OrderByDescending(c => c.Id).FirstOrDefault();

    public IReadOnlyList<Conversation> List(bool openOnly) =>
        [.. (openOnly
                ? storage.Documents<Conversation>("SELECT doc FROM conversations WHERE state = $1", ConversationState.Open.ToString())
                : storage.Documents<Conversation>("SELECT doc FROM conversations"))
            .OrderByDescending(c => c.LastMessageAtUtc).ThenByDescending(c => c.Id)];

    public IReadOnlyList<ConversationMessage> Messages(long conversationId) =>
        storage.Documents<ConversationMessage>("SELECT doc FROM conversation_messages WHERE conversation_id = $1 ORDER BY id", conversationId);

    public IReadOnlyList<ConversationMessage> MessagesOf(string personId) =>
        storage.Documents<ConversationMessage>("SELECT doc FROM conversation_messages WHERE person_id = $1 ORDER BY id", personId);

    public IReadOnlyList<ConversationMessage> MessagesBefore(DateTime cutoffUtc) =>
        storage.Documents<ConversationMessage>("SELECT doc FROM conversation_messages WHERE at_utc < $1 ORDER BY id", PgTime.Utc(cutoffUtc));

    public Task SaveAsync(Conversation conversation, IReadOnlyList<ConversationMessage> added, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (conversation.Id == 0)
        {
            conversation.Id = NextId();
        }

        foreach (var m in added)
        {
            (m.Id, m.ConversationId) = (m.Id == 0 ? NextMessageId() : m.Id, conversation.Id);
        }

        PgTurnWrites.Current?.Remember(Conversations, Key(conversation), conversation);
        return storage.WriteAsync(async tx =>
        {
            await WriteConversationAsync(tx, conversation);
            foreach (var m in added)
            {
                await WriteMessageAsync(tx, m);
            }

            await PgRequestStore.InsertOutboxAsync(tx, outgoing);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task<int> DestroyMessagesBeforeAsync(DateTime cutoffUtc, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var count = 0;
        var cutoff = PgTime.Utc(cutoffUtc);
        return storage.WriteAsync(async tx =>
        {
            count = await tx.ExecuteAsync("DELETE FROM conversation_messages WHERE at_utc < $1", cutoff);

            // A sent reply keeps its text in the outbox (only the chat id is cleared): it goes with the message.
            await tx.ExecuteAsync("DELETE FROM outbox WHERE kind = $1 AND created_at < $2", ConversationService.ReplyKind, cutoff);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken).ContinueWith(_ => count, cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>A destroyed person's messages go with their identifiers; a contract (patient) keeps the correspondence.</summary>
    public async Task EraseAsync(PgTx tx, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(erasure);
        if (!erasure.Identifiers)
        {
            return;
        }

        var ids = await tx.QueryAsync("DELETE FROM conversation_messages WHERE person_id = $1 RETURNING id", r => r.GetInt64(0), erasure.PersonId);

        // Operators' replies, sent or still waiting, go too: they hold the chat id until sent and the text after.
        if (ids.Count > 0)
        {
            await tx.ExecuteAsync("DELETE FROM outbox WHERE dedupe_key = ANY($1)", (object)ids.Select(ConversationService.ReplyKey).ToArray());
        }
    }

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [Conversations] = "conversations",
        [MessagesTable] = "conversation_messages",
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        var conversations = PgPurposeCopy.All<Conversation>(source, Conversations);
        foreach (var (c, json) in conversations)
        {
            await WriteConversationAsync(tx, c, json);
        }

        var messages = PgPurposeCopy.All<ConversationMessage>(source, MessagesTable);
        foreach (var (m, json) in messages)
        {
            await WriteMessageAsync(tx, m, json);
        }

        await PgPurposeCopy.SetSequenceAsync(source, tx, "conversations_seq", Conversations, conversations.Select(c => c.Entity.Id).DefaultIfEmpty().Max());
        await PgPurposeCopy.SetSequenceAsync(source, tx, "conversation_messages_seq", MessagesTable, messages.Select(m => m.Entity.Id).DefaultIfEmpty().Max());
    }

    private static Task<int> WriteConversationAsync(PgTx tx, Conversation c, string? json = null) =>
        tx.ExecuteAsync(UpsertConversation, c.Id, c.PersonId, c.State.ToString(), json ?? PgDocuments.ToJson(c));

    private static Task<int> WriteMessageAsync(PgTx tx, ConversationMessage m, string? json = null) =>
        tx.ExecuteAsync(InsertMessage, m.Id, m.ConversationId, m.PersonId, PgTime.Utc(m.AtUtc), json ?? PgDocuments.ToJson(m));

    private static string Key(Conversation c) => c.Id.ToString(CultureInfo.InvariantCulture);
}
