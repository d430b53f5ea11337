using PdBot.Core.Audit;

namespace PdBot.Core.Mailings;

/// <summary>Where mailings and their delivery ledgers are kept.</summary>
public interface IMailingStore
{
    /// <summary>A fresh mailing id (1, 2, 3…).</summary>
    long NextId();

    /// <summary>Stores a new mailing with its audit entries, in one transaction.</summary>
    Task AddAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Stores a changed mailing with its audit entries, in one transaction.</summary>
    Task SaveAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    Mailing? Find(long id);

    /// <summary>Every mailing, newest first.</summary>
    IReadOnlyList<Mailing> All();

    IReadOnlyList<Mailing> InStates(params MailingState[] states);

    /// <summary>Adds ledger rows that are not there yet (a row already stored is left as it is), with <paramref name="mailing"/> saved in the same transaction.</summary>
    Task AddDeliveriesAsync(Mailing mailing, IReadOnlyList<MailingDelivery> rows, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Stores changed ledger rows; completes once they are committed.</summary>
    Task SaveDeliveriesAsync(IReadOnlyList<MailingDelivery> rows, CancellationToken cancellationToken = default);

    /// <summary>A mailing's ledger rows (of one state when given), in id order.</summary>
    IReadOnlyList<MailingDelivery> Deliveries(long mailingId, MailingDeliveryState? state = null);

    MailingDelivery? FindDelivery(long mailingId, string personId);

    /// <summary>The mailings a person was in the audience of (their evidence pack lists them).</summary>
    IReadOnlyList<MailingDelivery> DeliveriesOfPerson(string personId);
}
