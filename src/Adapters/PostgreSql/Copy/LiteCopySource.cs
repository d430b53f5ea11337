using LiteDB;
using PdBot.Adapters.Backup;
using PdBot.Adapters.Files;
using PdBot.Adapters.LiteDb;

namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>
/// The stopped LiteDB store a clinic moves from: its lock is held for the whole copy, so a host cannot start on it
/// meanwhile, and the file is opened read-only the way the backup check opens a copy, with the store's password.
/// </summary>
public sealed class LiteCopySource : IDisposable
{
    public const string HostRunning = "Хост работает: остановите его перед копированием.";

    private readonly FileStream _lock;

    private LiteCopySource(FileStream storeLock, LiteDatabase database, string path)
    {
        _lock = storeLock;
        Database = database;
        FilePath = path;
    }

    public LiteDatabase Database { get; }

    public string FilePath { get; }

    public static LiteCopySource Open(string storePath, string? password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        var path = Path.GetFullPath(storePath);
        if (!StoreEncryption.HasContent(path))
        {
            throw new PgCopyRefusedException($"Файл базы {path} не найден или пуст: копировать нечего.");
        }

        var storeLock = TakeLock(path);
        try
        {
            var encrypted = StoreEncryption.IsEncrypted(path);
            if (encrypted && string.IsNullOrEmpty(password))
            {
                throw new PgCopyRefusedException($"База {path} зашифрована, а её пароль (Storage:Password, переменная окружения Storage__Password) не задан.");
            }

            var database = OpenDatabase(path, encrypted ? password : null);
            if (!database.CollectionExists(LiteDbStorage.People) || !database.CollectionExists(LiteDbStorage.Audit))
            {
                database.Dispose();
                throw new PgCopyRefusedException($"{path}: это не база PdBot.");
            }

            return new LiteCopySource(storeLock, database, path);
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
    }

    private static LiteDatabase OpenDatabase(string path, string? password)
    {
        try
        {
            return BackupCheck.OpenReadOnly(path, password);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            throw new PgCopyRefusedException($"Не удаётся открыть {path}: неверный пароль базы (Storage:Password).", ex);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_DATABASE)
        {
            throw new PgCopyRefusedException($"Не удаётся открыть {path}: это не база PdBot.", ex);
        }
    }

    /// <summary>The lock a running store holds (<see cref="LiteDbStorage"/>): taken here, or a host has the store.</summary>
    private static FileStream TakeLock(string path)
    {
        try
        {
            return PrivateFiles.Open(path + ".lock", FileShare.None);
        }
        catch (IOException ex)
        {
            throw new PgCopyRefusedException(HostRunning + " (база занята другим процессом PdBot)", ex);
        }
    }
}
