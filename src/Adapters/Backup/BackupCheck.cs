using System.Diagnostics;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Adapters.Backup;

/// <summary>
/// Checks a copy of the store before anyone relies on it: it opens read-only with the store's password, every document
/// of every collection reads back, and the audit chain verifies as <c>pdbot audit verify</c> checks it.
/// </summary>
public static class BackupCheck
{
    private const int Chunk = 1024;

    public static BackupReport Run(string path, string? password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var clock = Stopwatch.StartNew();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return BackupReport.Failed("файл не найден или пуст", clock.Elapsed);
        }

        try
        {
            // An unencrypted copy opens without the password (the host encrypts it in place at its next start).
            var encrypted = StoreEncryption.IsEncrypted(path);
            if (encrypted && string.IsNullOrEmpty(password))
            {
                return BackupReport.Failed("файл зашифрован, а пароль базы (Storage:Password) не задан", clock.Elapsed);
            }

            using var db = OpenReadOnly(path, encrypted ? password : null);
            var names = db.GetCollectionNames().ToList();
            if (!names.Contains(LiteDbStorage.People) || !names.Contains(LiteDbStorage.Audit))
            {
                return BackupReport.Failed("это не база PdBot", clock.Elapsed);
            }

            long documents = 0, persons = 0, consents = 0;
            foreach (var name in names)
            {
                foreach (var doc in Documents(db, name))
                {
                    documents++;
                    if (name == LiteDbStorage.People)
                    {
                        persons++;
                    }
                    else if (name == LiteDbStorage.Consents && doc["State"].IsString && doc["State"].AsString == "Given")
                    {
                        consents++;
                    }
                }
            }

            var chain = new LiteAuditLog(db).Verify();
            return chain.IsIntact
                ? new BackupReport(persons, consents, documents, chain, null, clock.Elapsed)
                : BackupReport.Failed(
                    $"цепочка аудита нарушена на записи № {chain.FirstBadSeq}: {AuditVerification.ProblemText(chain.Problem)}", clock.Elapsed, chain);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            return BackupReport.Failed("неверный пароль базы (Storage:Password) или файл повреждён", clock.Elapsed);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_DATABASE)
        {
            return BackupReport.Failed("это не база PdBot или файл повреждён", clock.Elapsed);
        }
#pragma warning disable CA1031 // A damaged file fails in many ways inside LiteDB; each is a failed check, told in Russian.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return BackupReport.Failed($"файл повреждён: не читается ({ex.GetType().Name})", clock.Elapsed);
        }
    }

    /// <summary>Opens a store file read-only, as it is on disk (the check's copy, or a stopped store moved by <c>db copy</c>).</summary>
    public static LiteDatabase OpenReadOnly(string path, string? password) => new(
        new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true, Password = string.IsNullOrEmpty(password) ? null : password },
        LiteDbStorage.CreateMapper());

    /// <summary>Every document, one query per chunk of keys: a single read transaction would keep every page it read.</summary>
    private static IEnumerable<BsonDocument> Documents(LiteDatabase db, string collection)
    {
        var after = BsonValue.MinValue;
        while (true)
        {
            var chunk = db.GetCollection(collection).Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(Chunk).ToList();
            foreach (var doc in chunk)
            {
                yield return doc;
            }

            if (chunk.Count < Chunk)
            {
                yield break;
            }

            after = chunk[^1]["_id"];
        }
    }
}
