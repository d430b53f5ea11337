using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>The LiteDB purpose stores over a fresh file.</summary>
public sealed class LitePurposeStores : PurposeStores
{
    private readonly TempFolder _tmp = new();
    private readonly LiteAuditLog _audit;

    public LitePurposeStores()
    {
        Storage = new LiteDbStorage(new StorageOptions { Path = _tmp.File("pdbot.db") });
        _audit = new LiteAuditLog(Storage);
        Conversations = new LiteConversationStore(Storage, _audit);
        Leads = new LiteLeadStore(Storage, _audit, Clock);
        Reviews = new LiteReviewStore(Storage, _audit);
        Patients = new LitePatientStore(Storage, _audit);
        Mailings = new LiteMailingStore(Storage, _audit);
    }

    public LiteDbStorage Storage { get; }

    public override IConversationStore Conversations { get; }

    public override ILeadStore Leads { get; }

    public override IReviewStore Reviews { get; }

    public override IPatientStore Patients { get; }

    public override IMailingStore Mailings { get; }

    public override IAuditLog Audit => _audit;

    public override IMailingStore SecondHostMailings() => new LiteMailingStore(Storage, _audit);

    public override IReadOnlyList<OutboxMessage> Outbox() =>
        [.. Storage.Database.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).FindAll().OrderBy(m => m.Id)];

    public override IDisposable BeginTurn() => GroupCommitWriter.BeginDeferred();

    public override Task CommitTurnAsync(IDisposable turn) => Storage.Writer.CommitNowAsync(((DeferredWrites)turn).ApplyOnWriterThread);

    public override Task EraseAsync(object store, PersonErasure erasure) =>
        Storage.Writer.WriteAsync(db => ((IPersonDataEraser)store).EraseOnWriterThread(db, erasure));

    protected override void Dispose(bool disposing)
    {
        Storage.Dispose();
        _tmp.Dispose();
    }
}
