using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>The inbox, request and outbox stores of one provider, with what the contract tests need around them.</summary>
public interface IRequestStores : IDisposable
{
    IInbox Inbox { get; }

    IRequestStore Requests { get; }

    IOutbox Outbox { get; }

    IAuditLog Audit { get; }

    /// <summary>Stores the person and their consents (as the consent store would).</summary>
    Task SavePersonAsync(Person person, params ConsentRecord[] consents);

    Person? FindPerson(string id);

    /// <summary>Marks the items processed the way a turn's commit does (stored <see cref="InboxItem.Stripped"/>).</summary>
    Task MarkProcessedAsync(params InboxItem[] items);

    /// <summary>Runs the inbox's eraser alone, in a transaction of its own.</summary>
    Task EraseInboxAsync(PersonErasure erasure);

    /// <summary>The stored inbox item as JSON, or null.</summary>
    string? StoredInboxDocument(string id);

    IReadOnlyList<string> StoredInboxIds();

    /// <summary>Starts a turn: writes are held until <see cref="CommitTurnAsync"/>.</summary>
    IDisposable BeginTurn();

    Task CommitTurnAsync(IDisposable turn);
}
