using LiteDB;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// A store of purpose data (inbox messages, consultation requests, reviews, patient links) that must go when a person's
/// data are destroyed: called inside the destruction's transaction, on the writer thread, so the act and the erasure
/// commit together.
/// </summary>
public interface IPersonDataEraser
{
    /// <summary>Erases what <paramref name="erasure"/> covers; <see cref="PersonErasure.Identifiers"/> false keeps what a contract still needs.</summary>
    void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure);
}
