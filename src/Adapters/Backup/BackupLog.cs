using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Adapters.Backup;

/// <summary>Where the last backup attempt is recorded: the store itself, so the console and the daily worker see it.</summary>
public sealed class BackupLog(LiteDbStorage storage, LiteAuditLog audit)
{
    public LastBackup? Last() => storage.Database.GetCollection<LastBackup>(LiteDbStorage.Meta).FindById(LastBackup.Key);

    /// <summary>Records the attempt and its audit entry in one commit.</summary>
    public Task RecordAsync(LastBackup last, AuditEntry entry) => storage.Writer.WriteAsync(db =>
    {
        db.GetCollection<LastBackup>(LiteDbStorage.Meta).Upsert(last);
        audit.AppendOnWriterThread(db, [entry]);
    });
}
