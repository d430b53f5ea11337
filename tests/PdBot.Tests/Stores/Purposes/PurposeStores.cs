using Microsoft.Extensions.Time.Testing;
using PdBot.Core.Audit;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>
/// The purpose stores of one provider over one fresh store, and what the contract tests need around them: the audit
/// trail, the outbox, a conversation turn (writes deferred, then committed) and a person's erasure inside a write.
/// </summary>
public abstract class PurposeStores : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public abstract IConversationStore Conversations { get; }

    public abstract ILeadStore Leads { get; }

    public abstract IReviewStore Reviews { get; }

    public abstract IPatientStore Patients { get; }

    public abstract IMailingStore Mailings { get; }

    public abstract IAuditLog Audit { get; }

    /// <summary>Another mailing store over the same data, as a second host has.</summary>
    public abstract IMailingStore SecondHostMailings();

    /// <summary>Every queued or sent message, in id order.</summary>
    public abstract IReadOnlyList<OutboxMessage> Outbox();

    /// <summary>Starts a turn: the stores' writes wait for <see cref="CommitTurnAsync"/>.</summary>
    public abstract IDisposable BeginTurn();

    /// <summary>Commits the turn's writes in one transaction.</summary>
    public abstract Task CommitTurnAsync(IDisposable turn);

    /// <summary>Runs <paramref name="store"/>'s eraser for <paramref name="erasure"/> inside a write, as a destruction does.</summary>
    public abstract Task EraseAsync(object store, PersonErasure erasure);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
