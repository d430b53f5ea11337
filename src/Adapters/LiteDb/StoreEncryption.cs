using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// Encrypts an unencrypted store in place: everything is copied into a new encrypted file beside it, which then
/// replaces the original in one rename. LiteDB's own Rebuild is not used: it leaves the unencrypted original behind
/// as <c>-backup.db</c> and, in 5.0.20, fails reopening the file it has just encrypted.
/// </summary>
internal static class StoreEncryption
{
    private static readonly string[] Pragmas = ["USER_VERSION", "UTC_DATE", "LIMIT_SIZE", "TIMEOUT", "CHECKPOINT"];

    /// <summary>An encrypted LiteDB 5 file starts with the byte 1; an unencrypted one with its header page's id, 0.</summary>
    public static bool IsEncrypted(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return file.ReadByte() == 1;
    }

    /// <summary>A file with content (an empty or missing one is created encrypted by LiteDB itself).</summary>
    public static bool HasContent(string path) => new FileInfo(path).Exists && new FileInfo(path).Length > 0;

    public static void EncryptInPlace(string path, string password)
    {
        var target = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-encrypting" + Path.GetExtension(path));

        // Left by an interrupted attempt: encrypted, and nothing the original lacks.
        File.Delete(target);
        File.Delete(LiteDbStorage.LogFileOf(target));
        using (var source = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        using (var copy = new LiteDatabase(new ConnectionString
        {
            Filename = target,
            Connection = ConnectionType.Direct,
            Password = password,
            Collation = source.Collation,
        }))
        {
            Copy(source, copy);
            copy.Checkpoint();
        }

        if (StoreEncryption.HasContent(LiteDbStorage.LogFileOf(target)))
        {
            throw new IOException($"Encrypting {path}: the new file's log was not merged into it; the original is kept.");
        }

        // The original's blocks are overwritten through a handle kept across the rename: no readable copy stays on
        // disk, and there is never a moment without a complete store.
        using (var original = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            File.Move(target, path, overwrite: true);
            Zero(original);
        }

        var log = LiteDbStorage.LogFileOf(path);
        if (File.Exists(log))
        {
            // Merged into the data file when the source closed; whatever is left is unencrypted.
            using (var stale = new FileStream(log, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
                File.Delete(log);
                Zero(stale);
            }
        }
    }

    private static void Copy(LiteDatabase source, LiteDatabase copy)
    {
        foreach (var pragma in Pragmas)
        {
            copy.Pragma(pragma, source.Pragma(pragma));
        }

        var indexes = source.GetCollection("$indexes").FindAll().ToList();
        foreach (var name in source.GetCollectionNames())
        {
            var to = copy.GetCollection(name);
            to.InsertBulk(source.GetCollection(name).FindAll());
            foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
            {
                to.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
            }
        }
    }

    private static void Zero(FileStream file)
    {
        var zeros = new byte[64 * 1024];
        file.Position = 0;
        for (var left = file.Length; left > 0; left -= zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
        }

        file.Flush(flushToDisk: true);
    }
}
