using System.Globalization;
using PdBot.Adapters.Files;
using PdBot.Adapters.LiteDb;

namespace PdBot.Adapters.Backup;

/// <summary>
/// Puts a backup in place of a stopped store. The store's lock is held throughout, so a host cannot start meanwhile;
/// the backup is copied beside the store and checked there (the bytes checked are the bytes swapped in); the current
/// store is kept as <c>pdbot.db.replaced-&lt;UTC time&gt;</c>; then the checked copy takes its name in one rename. A backup
/// that fails its check changes nothing.
/// </summary>
public static class StoreRestore
{
    public const string HostRunning = "Хост работает: остановите его перед восстановлением.";

    public static RestoreResult Run(string storePath, string? password, string from, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        storePath = Path.GetFullPath(storePath);
        from = Path.GetFullPath(from);
        if (!File.Exists(from))
        {
            throw new BackupRefusedException($"Файл {from} не найден: база не изменена.");
        }

        if (from == storePath)
        {
            throw new BackupRefusedException("Это и есть текущая база: укажите файл резервной копии.");
        }

        PrivateFiles.RestrictProcessUmask();
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(storePath)!);
        using var storeLock = TakeLock(storePath);
        var incoming = storePath + ".restoring";
        File.Delete(incoming);
        using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var target = PrivateFiles.Open(incoming, FileShare.None))
        {
            source.CopyTo(target, 1 << 20);
            target.Flush(flushToDisk: true);
        }

        var check = BackupCheck.Run(incoming, password);
        if (!check.IsIntact)
        {
            File.Delete(incoming);
            throw new BackupRefusedException($"Резервная копия {from} не прошла проверку: {check.Problem}. Текущая база не изменена.");
        }

        string? replaced = null;
        if (File.Exists(storePath))
        {
            replaced = storePath + ".replaced-" + nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            File.Move(storePath, replaced);
            PrivateFiles.Tighten(replaced);

            // A log the replaced store had not merged belongs to it, never to the restored file.
            var log = LiteDbStorage.LogFileOf(storePath);
            if (File.Exists(log))
            {
                File.Move(log, LiteDbStorage.LogFileOf(replaced));
            }
        }

        File.Move(incoming, storePath);
        return new RestoreResult(check, replaced);
    }

    /// <summary>The lock a running store holds (<see cref="LiteDbStorage"/>): taken here, or the store is in use.</summary>
    private static FileStream TakeLock(string storePath)
    {
        try
        {
            return PrivateFiles.Open(storePath + ".lock", FileShare.None);
        }
        catch (IOException ex)
        {
            throw new BackupRefusedException(HostRunning + " (база занята другим процессом PdBot)", ex);
        }
    }
}
