using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Conversations;

/// <summary>
/// The operator inbox: messages from people go into their conversation (opened or reopened, operators alerted), and
/// operators reply, close and reopen. Every change is stored with its audit entry before anyone is told.
/// </summary>
public sealed class ConversationService(IConversationStore store, RequestOptions alerts, InboxOptions options, TimeProvider time, IConsentStore people)
{
    public const string AuditKind = "inbox";
    // Prefixed: the audit page labels events by name alone, and a request has its own "closed".
    public const string Opened = "inbox-opened";
    public const string Reopened = "inbox-reopened";
    public const string Closed = "inbox-closed";
    public const string Replied = "inbox-replied";
    public const string Read = "inbox-read";

    /// <summary>The outbox kind of an operator's reply: its text goes with the conversation's messages (retention, erasure).</summary>
    public const string ReplyKind = "inbox-reply";

    public IConversationStore Store => store;

    public InboxOptions Options => options;

    /// <summary>
    /// A message from the person: appended to their conversation, which is opened (or reopened) when it is not open;
    /// operators are alerted when it has nothing unread yet, so a burst of messages is one alert.
    /// </summary>
    public async Task<Conversation> FromPersonAsync(Person person, string text, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = time.GetUtcNow().UtcDateTime;
        var audit = new List<AuditEntry>();
        var c = store.LatestOf(person.Id);
        if (c is null)
        {
            c = new Conversation { Id = store.NextId(), PersonId = person.Id, Channel = person.Channel, Topic = topic, OpenedAtUtc = now };
            audit.Add(Entry(person, Opened, c, now));
        }
        else if (new ConversationMachine(c).TryFire(ConversationTrigger.Reopen))
        {
            (c.Topic, c.ClosedAtUtc, c.ClosedBy) = (topic, null, null);
            audit.Add(Entry(person, Reopened, c, now));
        }

        var alert = c.Unread == 0
            ? OperatorAlert.Build(alerts, $"Новое сообщение во входящих ({ConversationTopics.Title(topic)}): откройте раздел «Входящие» в консоли.", now)
            : null;
        c.Unread++;
        c.LastMessageAtUtc = now;
        var message = new ConversationMessage { PersonId = person.Id, AtUtc = now, Author = ConversationAuthors.Person, Text = text };
        await store.SaveAsync(c, [message], alert is null ? [] : [alert], audit, cancellationToken);
        return c;
    }

    /// <summary>The person left the conversation («Завершить диалог с сотрудником»); false when none was open.</summary>
    public async Task<bool> CloseByPersonAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (store.LatestOf(person.Id) is not { } c || !new ConversationMachine(c).TryFire(ConversationTrigger.Close))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        (c.ClosedAtUtc, c.ClosedBy) = (now, ConversationAuthors.Person);
        await store.SaveAsync(c, [], [], [Entry(person, Closed, c, now)], cancellationToken);
        return true;
    }

    /// <summary>
    /// An operator's reply: stored (author = their login) and queued to the person's channel with «Сотрудник клиники: »
    /// in front, the conversation marked read. Refused, with nothing stored, when the text is empty or too long for one
    /// message, the conversation is closed, or the person is erased, blocked or has blocked the bot.
    /// </summary>
    public async Task<RequestResult> ReplyAsync(long conversationId, string operatorLogin, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorLogin);
        var body = (text ?? "").Trim();
        if (store.Find(conversationId) is not { } c)
        {
            return RequestResult.Refused(InboxTexts.NotFound(conversationId));
        }

        var refusal = body.Length == 0 ? InboxTexts.EmptyReply
            : body.Length > InboxTexts.MaxReplyLength ? InboxTexts.TooLong(body.Length)
            : c.State != ConversationState.Open ? InboxTexts.ClosedNoReply(c.Id)
            : Unreachable(people.FindPersonById(c.PersonId));
        if (refusal is not null)
        {
            return RequestResult.Refused(refusal);
        }

        var person = people.FindPersonById(c.PersonId)!;
        var now = time.GetUtcNow().UtcDateTime;
        var message = new ConversationMessage { Id = store.NextMessageId(), PersonId = c.PersonId, AtUtc = now, Author = operatorLogin, Text = body };
        var outgoing = new OutboxMessage
        {
            Channel = person.Channel,
            ChatId = person.ChatId,
            Text = InboxTexts.ReplyPrefix + body,
            Kind = ReplyKind,
            CreatedAtUtc = now,

            // Names the stored message: erasure finds an unsent reply by it, and VK derives random_id from it.
            DedupeKey = ReplyKey(message.Id),
        };
        (c.Unread, c.LastMessageAtUtc) = (0, now);
        await store.SaveAsync(c, [message], [outgoing], [OperatorEntry(c, Replied, operatorLogin, now)], cancellationToken);
        return RequestResult.Done(InboxTexts.Replied(c.Id));
    }

    /// <summary>An operator closes the conversation; the person's next message reopens it.</summary>
    public Task<RequestResult> CloseAsync(long conversationId, string operatorLogin, CancellationToken cancellationToken = default) =>
        FireAsync(conversationId, operatorLogin, ConversationTrigger.Close, cancellationToken);

    /// <summary>An operator opens a closed conversation again (to reply to it).</summary>
    public Task<RequestResult> ReopenAsync(long conversationId, string operatorLogin, CancellationToken cancellationToken = default) =>
        FireAsync(conversationId, operatorLogin, ConversationTrigger.Reopen, cancellationToken);

    /// <summary>An operator has read the person's messages; false when there was nothing unread.</summary>
    public async Task<bool> MarkReadAsync(long conversationId, string operatorLogin, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorLogin);
        if (store.Find(conversationId) is not { Unread: > 0 } c)
        {
            return false;
        }

        c.Unread = 0;
        await store.SaveAsync(c, [], [], [OperatorEntry(c, Read, operatorLogin, time.GetUtcNow().UtcDateTime)], cancellationToken);
        return true;
    }

    /// <summary>
    /// Someone in the console opens the conversation: the <c>viewed</c> audit entry is written before anything is shown,
    /// in one transaction with marking it read when <paramref name="markRead"/> (an operator, not an auditor, reads it).
    /// </summary>
    public async Task<Conversation?> ViewAsync(long conversationId, string login, bool markRead, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        if (store.Find(conversationId) is not { } c)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var audit = new List<AuditEntry>
        {
            new()
            {
                TimeUtc = now,
                Kind = AdminEvents.Kind,
                Event = AdminEvents.Viewed,
                Channel = AdminEvents.Channel,
                Actor = login,
                PersonId = c.PersonId,
                Detail = ViewedDetail(c.Id),
            },
        };
        if (markRead && c.Unread > 0)
        {
            c.Unread = 0;
            audit.Add(OperatorEntry(c, Read, login, now));
        }

        await store.SaveAsync(c, [], [], audit, cancellationToken);
        return c;
    }

    /// <summary>The detail of the <c>viewed</c> entry (in Russian from the start, as the audit page shows it).</summary>
    public static string ViewedDetail(long conversationId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"беседа № {conversationId} во входящих");

    /// <summary>The outbox <see cref="OutboxMessage.DedupeKey"/> of the reply stored as message <paramref name="messageId"/>.</summary>
    public static string ReplyKey(long messageId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"inbox-reply:{messageId}");

    /// <summary>Why nothing can be sent to this person now, or null when it can.</summary>
    public static string? Unreachable(Person? person) =>
        person is null || person.ErasedAtUtc is not null ? InboxTexts.Erased
        : person.Blocked ? InboxTexts.Blocked(person.BlockedByRequestId)
        : person.Unreachable || string.IsNullOrEmpty(person.ChatId) ? InboxTexts.Unreachable
        : null;

    /// <summary>The detail of a conversation's audit entries: «беседа № 12: просьба позвать сотрудника».</summary>
    public static string Detail(Conversation c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"беседа № {c.Id}: {ConversationTopics.Title(c.Topic)}");
    }

    private async Task<RequestResult> FireAsync(long conversationId, string operatorLogin, ConversationTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorLogin);
        if (store.Find(conversationId) is not { } c)
        {
            return RequestResult.Refused(InboxTexts.NotFound(conversationId));
        }

        var close = trigger == ConversationTrigger.Close;
        if (!new ConversationMachine(c).TryFire(trigger))
        {
            return RequestResult.Refused(close ? InboxTexts.AlreadyClosed(c.Id) : InboxTexts.AlreadyOpen(c.Id));
        }

        var now = time.GetUtcNow().UtcDateTime;
        (c.ClosedAtUtc, c.ClosedBy) = close ? (now, operatorLogin) : ((DateTime?)null, (string?)null);
        await store.SaveAsync(c, [], [], [OperatorEntry(c, close ? Closed : Reopened, operatorLogin, now)], cancellationToken);
        return RequestResult.Done(close ? InboxTexts.ClosedDone(c.Id) : InboxTexts.ReopenedDone(c.Id));
    }

    private static AuditEntry OperatorEntry(Conversation c, string evt, string login, DateTime now) => new()
    {
        TimeUtc = now,
        Kind = AuditKind,
        Event = evt,
        Channel = c.Channel,
        PersonId = c.PersonId,
        Actor = login,
        Detail = Detail(c),
    };

    private static AuditEntry Entry(Person person, string evt, Conversation c, DateTime now) => new()
    {
        TimeUtc = now,
        Kind = AuditKind,
        Event = evt,
        Channel = person.Channel,
        PersonId = person.Id,
        Actor = ConversationAuthors.Person,
        Detail = Detail(c),
    };
}
