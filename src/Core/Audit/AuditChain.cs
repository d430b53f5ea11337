using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PdBot.Core.Audit;

/// <summary>The hash chain: sealing a new entry onto the head, and verifying a whole log.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of entry 1.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Gives <paramref name="entry"/> its place after (<paramref name="headSeq"/>, <paramref name="headHash"/>).</summary>
    public static void Seal(AuditEntry entry, long headSeq, string headHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Seq = headSeq + 1;
        entry.PrevHash = headHash;

        // Storage keeps milliseconds; hashing more precision would break verification after a reload.
        entry.TimeUtc = TruncateToMilliseconds(entry.TimeUtc);
        if (entry.UserId is not null)
        {
            entry.UserSalt ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            entry.UserDigest = Digest(entry.UserSalt, entry.UserId);
        }

        entry.Hash = ComputeHash(entry);
    }

    /// <summary>Checks every entry in order; <paramref name="head"/> (if known) catches removal of the newest ones.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSeqOrder, (long Seq, string Hash)? head) =>
        StreamingChainCheck.Verify(entriesInSeqOrder, head);

    /// <summary>What is wrong with the entry's own fields (its links to neighbours aside), or null.</summary>
    public static string? OwnProblem(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.UserId is not null && (e.UserSalt is null || Digest(e.UserSalt, e.UserId) != e.UserDigest) ? "user id altered" :
            ComputeHash(e) != e.Hash ? "content altered" : null;
    }

    public static string ComputeHash(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // The fields joined by U+001F, as UTF-8, written straight into one buffer (verification hashes
        // millions of entries; the bytes are those of string.Join over the same fields).
        var writer = new ArrayBufferWriter<byte>(1024);
        Span<char> number = stackalloc char[32];
        void Field(ReadOnlySpan<char> value, bool first = false)
        {
            if (!first)
            {
                writer.Write("\u001f"u8);
            }

            var bytes = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
            writer.Advance(Encoding.UTF8.GetBytes(value, bytes));
        }

        Field("v1", first: true);
        e.Seq.TryFormat(number, out var n, default, CultureInfo.InvariantCulture);
        Field(number[..n]);
        e.TimeUtc.ToUniversalTime().TryFormat(number, out n, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        Field(number[..n]);
        Field(e.Kind);
        Field(e.Event);
        Field(e.Channel);
        Field(e.UserDigest);
        Field(e.PersonId);
        Field(e.MessageId);
        Field(e.PurposeId);
        if (e.TextVersion is { } version)
        {
            version.TryFormat(number, out n, default, CultureInfo.InvariantCulture);
            Field(number[..n]);
        }
        else
        {
            Field("");
        }

        Field(e.TextHash);
        Field(string.Join('\u001e', e.Buttons));
        Field(e.Actor);
        Field(e.Detail);
        Field(e.PrevHash);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(writer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Digest(string salt, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "\u001f" + userId)));

    private static DateTime TruncateToMilliseconds(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
