using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// A PostgreSQL store of purpose data (inbox, conversations, consultation requests, reviews, patient links) that must go
/// when a person's data are destroyed: called inside the destruction's transaction, so the act and the erasure commit
/// together (the twin of the LiteDB stores' IPersonDataEraser).
/// </summary>
public interface IPgPersonDataEraser
{
    /// <summary>Erases what <paramref name="erasure"/> covers; <see cref="PersonErasure.Identifiers"/> false keeps what a contract still needs. Runs before the person's platform ids are blanked.</summary>
    Task EraseAsync(PgTx tx, PersonErasure erasure);
}
