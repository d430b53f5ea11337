using PdBot.Core.Audit;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Conversations;

/// <summary>
/// The operator inbox: messages from people go into their conversation (opened or reopened, operators alerted), and
/// operators reply, close and reopen. Every change is stored with its audit entry before anyone is told.
/// </summary>
public sealed class ConversationService(IConversationStore store, RequestOptions alerts, InboxOptions options, TimeProvider time)
{
    public const string AuditKind = "inbox";
    public const string Opened = "opened";
    public const string Reopened = "reopened";
    public const string Closed = "closed";

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

    /// <summary>The detail of a conversation's audit entries: «беседа № 12: просьба позвать сотрудника».</summary>
    public static string Detail(Conversation c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"беседа № {c.Id}: {ConversationTopics.Title(c.Topic)}");
    }

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
