using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Files;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Adapters.Backup;

/// <summary>
/// Makes a consistent copy of the live store (policy 5.4.3(14)). On the single writer's thread, between batches, LiteDB
/// merges its log into the data file (checkpoint) and the data file is copied: no commit can happen meanwhile, and writes
/// that arrive wait in the writer's queue. The copy is the store's own bytes, so an encrypted store gives an encrypted
/// copy. It is written beside the target, flushed to disk, checked, and only then renamed into place.
/// </summary>
public sealed class StoreBackup(LiteDbStorage storage, BackupLog log, IOptions<StorageOptions> options, TimeProvider time)
{
    private const int CopyBuffer = 1 << 20;

    public async Task<BackupResult> MakeAsync(string file, bool force, bool daily = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        file = Path.GetFullPath(file);
        if (file == storage.FilePath)
        {
            throw new BackupRefusedException("Резервную копию нельзя записать поверх самой базы: укажите другой файл.");
        }

        if (File.Exists(file) && !force)
        {
            throw new BackupRefusedException($"Файл {file} уже существует: укажите другой или добавьте --force, чтобы заменить его.");
        }

        var partial = Path.Combine(Path.GetDirectoryName(file)!, "." + Path.GetFileName(file) + ".partial");
        var copyTook = TimeSpan.Zero;
        long size = 0;
        BackupReport check;
        try
        {
            PrivateFiles.CreateOutputDirectory(Path.GetDirectoryName(file)!);
            var copyClock = Stopwatch.StartNew();
            await CopyAsync(partial);
            copyTook = copyClock.Elapsed;
            cancellationToken.ThrowIfCancellationRequested();
            check = BackupCheck.Run(partial, options.Value.Password);
            size = new FileInfo(partial).Length;
            if (check.IsIntact)
            {
                File.Move(partial, file, overwrite: force);
            }
            else
            {
                File.Delete(partial);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or LiteDB.LiteException)
        {
            // A full disk, a directory others may write to, a file that appeared meanwhile: a failed attempt, recorded like one.
            TryDelete(partial);
            check = BackupReport.Failed($"не удалось записать копию: {ex.Message}", TimeSpan.Zero);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await log.RecordAsync(
            new LastBackup { TimeUtc = now, File = file, SizeBytes = size, Intact = check.IsIntact, Problem = check.Problem, Daily = daily },
            new AuditEntry
            {
                TimeUtc = now,
                Kind = BackupEvents.Kind,
                Event = check.IsIntact ? BackupEvents.Made : BackupEvents.Failed,
                Channel = BackupEvents.Channel,
                Actor = daily ? "daily" : "cli",
                Detail = string.Create(CultureInfo.InvariantCulture, $"file={file}; bytes={size}; persons={check.Persons}; consents={check.Consents}; audit={check.AuditEntries}; intact={check.IsIntact}"),
            });
        return new BackupResult(file, size, copyTook, check);
    }

    private async Task CopyAsync(string partial)
    {
        File.Delete(partial);
        using var target = PrivateFiles.CreateNew(partial, FileShare.None);
        await storage.Writer.ExclusiveAsync(db =>
        {
            // The writer is the only committer, so the file cannot change during the copy; a changed stamp would mean
            // something wrote around it, and the copy is taken again.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                db.Checkpoint();
                var before = Stamp();
                target.SetLength(0);
                target.Position = 0;
                using (var source = new FileStream(storage.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, CopyBuffer))
                {
                    source.CopyTo(target, CopyBuffer);
                }

                if (Stamp() == before)
                {
                    return;
                }
            }

            throw new IOException("The store kept changing while it was copied.");
        });
        target.Flush(flushToDisk: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind; the next attempt deletes it before writing.
        }
    }

    private (long Length, DateTime Written) Stamp() => (new FileInfo(storage.FilePath).Length, File.GetLastWriteTimeUtc(storage.FilePath));
}
