using LiteDB;
using PdBot.Adapters.Files;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The PdBot database file: opens it, declares collections and indexes, and owns the single writer.
/// Reads may come from any thread; every write goes through <see cref="Writer"/>.
/// </summary>
public sealed class LiteDbStorage : IDisposable
{
    public const string People = "people";
    public const string Consents = "consents";
    public const string Audit = "audit";
    public const string Meta = "meta";
    public const string Texts = "consent_texts";

    private readonly List<Action> _rollbackListeners = [];
    private readonly FileStream _lock;

    public LiteDbStorage(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = System.IO.Path.GetFullPath(options.Path);

        // The store holds personal data: every file this process makes from here on is private, and the directory
        // is refused when others may write to it.
        PrivateFiles.RestrictProcessUmask();
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(FilePath)!);
        var connection = new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Direct,

            // Taken when a file is created (an older file keeps its own): ordinal, case-insensitive compares find the
            // same keys as before (ids, logins) and cost a fraction of culture-aware ones at every index step.
            Collation = new Collation("en-US/OrdinalIgnoreCase"),
            Password = options.Encrypted ? options.Password : null,
        };
        _lock = TakeLock(FilePath);
        try
        {
            EncryptedInPlace = EncryptIfAsked(options);
            Database = Open(connection, FilePath);
            PrivateFiles.Tighten(FilePath);
            PrivateFiles.Tighten(LogFileOf(FilePath));
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        IsEncrypted = options.Encrypted;
        EnsureIndexes(Database);
        Writer = new GroupCommitWriter(Database, () => _rollbackListeners.ForEach(l => l()));
        OutboxIds = new IdSequence(this, LiteRequestStore.Outbox);
        OnRollback(OutboxIds.Forget);
    }

    /// <summary>Ids of outgoing messages: every writer of the outbox (requests, turns) takes them here.</summary>
    public IdSequence OutboxIds { get; }

    public string FilePath { get; }

    /// <summary>Whether the file is encrypted with <see cref="StorageOptions.Password"/>.</summary>
    public bool IsEncrypted { get; }

    /// <summary>The file was unencrypted and has just been encrypted with the password now set.</summary>
    public bool EncryptedInPlace { get; }

    /// <summary>LiteDB's write-ahead log beside the file: <c>pdbot-log.db</c> for <c>pdbot.db</c>.</summary>
    public static string LogFileOf(string path) => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(path) ?? "",
        System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    public LiteDatabase Database { get; }

    public GroupCommitWriter Writer { get; }

    /// <summary>Lets a store drop in-memory state (such as the audit head) when a batch is rolled back.</summary>
    public void OnRollback(Action listener) => _rollbackListeners.Add(listener);

    public void Dispose()
    {
        Writer.Dispose();
        Database.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// LiteDB's direct mode shares the data file between processes on Linux (its file share flags map to shared
    /// locks), and two engines writing one file corrupt it. An exclusive lock on a side file makes one process the
    /// owner; another gets a clear "in use" error instead.
    /// </summary>
    private static FileStream TakeLock(string path)
    {
        try
        {
            return PrivateFiles.Open(path + ".lock", FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"Не удаётся открыть {path}: база занята другим процессом PdBot (остановите его или укажите другой --db).", ex);
        }
    }

    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper();

        // LiteDB hands DateTimes back in local time; PdBot keeps everything in UTC.
        mapper.RegisterType(d => new BsonValue(d.ToUniversalTime()), b => b.AsDateTime.ToUniversalTime());
        mapper.Entity<Person>().Id(p => p.Id, autoId: false);
        mapper.Entity<ConsentRecord>().Id(r => r.Id, autoId: false);
        mapper.Entity<AuditEntry>().Id(e => e.Seq, autoId: false);
        mapper.Entity<StoredText>().Id(t => t.Id, autoId: false);
        mapper.Entity<PdBot.Core.Requests.SubjectRequest>().Id(r => r.Id, autoId: false);
        mapper.Entity<PdBot.Core.Outbox.OutboxMessage>().Id(m => m.Id, autoId: false);
        mapper.Entity<PdBot.Core.Inbox.InboxItem>().Id(i => i.Id, autoId: false);
        mapper.Entity<PdBot.Core.Admin.AdminAccount>().Id(a => a.Login, autoId: false);
        mapper.Entity<PdBot.Core.Mailings.Mailing>().Id(m => m.Id, autoId: false);
        mapper.Entity<PdBot.Core.Mailings.MailingDelivery>().Id(r => r.Id, autoId: false);

        // DateOnly is not a BSON type: store the ISO date.
        mapper.RegisterType(d => new BsonValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return mapper;
    }

    /// <summary>Encrypts an unencrypted file in place once a password is set; refuses an encrypted one without it.</summary>
    private bool EncryptIfAsked(StorageOptions options)
    {
        if (!StoreEncryption.HasContent(FilePath))
        {
            return false;
        }

        var encrypted = StoreEncryption.IsEncrypted(FilePath);
        if (encrypted && !options.Encrypted)
        {
            throw new InvalidOperationException(
                $"Не удаётся открыть {FilePath}: база зашифрована, задайте её пароль в Storage:Password (переменная окружения Storage__Password).");
        }

        if (encrypted || !options.Encrypted)
        {
            return false;
        }

        try
        {
            StoreEncryption.EncryptInPlace(FilePath, options.Password!);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_DATABASE)
        {
            throw NotADatabase(FilePath, ex);
        }
    }

    private static LiteDatabase Open(ConnectionString connection, string path)
    {
        try
        {
            return new LiteDatabase(connection, CreateMapper());
        }
        catch (IOException ex)
        {
            throw new IOException($"Не удаётся открыть {path}: база занята другим процессом PdBot (остановите его или укажите другой --db).", ex);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            throw new InvalidOperationException($"Не удаётся открыть {path}: неверный пароль базы (Storage:Password).", ex);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_DATABASE)
        {
            throw NotADatabase(path, ex);
        }
    }

    private static InvalidOperationException NotADatabase(string path, LiteException ex) =>
        new($"Не удаётся открыть {path}: это не база PdBot.", ex);

    private static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection<Person>(People).EnsureIndex(p => p.Key, unique: true);

        // The console's person filter and timeline; the consent log itself walks the primary key.
        db.GetCollection<AuditEntry>(Audit).EnsureIndex(e => e.PersonId);
        db.GetCollection<AuditEntry>(Audit).EnsureIndex(e => e.UserId);
        db.GetCollection<ConsentRecord>(Consents).EnsureIndex(r => r.PersonId);
        db.GetCollection<ConsentRecord>(Consents).EnsureIndex(r => r.PurposeId);
        db.GetCollection<ConsentRecord>(Consents).EnsureIndex(nameof(LiteConsentStore.PurposeStateVersion), LiteConsentStore.PurposeStateVersion);
        db.GetCollection<PdBot.Core.Requests.SubjectRequest>(LiteRequestStore.Requests).EnsureIndex(r => r.PersonId);
        db.GetCollection<PdBot.Core.Requests.SubjectRequest>(LiteRequestStore.Requests).EnsureIndex(r => r.State);
        db.GetCollection<PdBot.Core.Outbox.OutboxMessage>(LiteRequestStore.Outbox).EnsureIndex(m => m.Channel);

        // Pending messages are few among many sent ones; a person's timeline reads messages by request.
        db.GetCollection<PdBot.Core.Outbox.OutboxMessage>(LiteRequestStore.Outbox).EnsureIndex(m => m.SentAtUtc);
        db.GetCollection<PdBot.Core.Outbox.OutboxMessage>(LiteRequestStore.Outbox).EnsureIndex(m => m.RequestId);
        db.GetCollection<PdBot.Core.Inbox.InboxItem>(LiteInbox.Collection).EnsureIndex(i => i.ProcessedAtUtc);
    }
}
