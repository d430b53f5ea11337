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
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSeqOrder, (long Seq, string Hash)? head)
    {
        ArgumentNullException.ThrowIfNull(entriesInSeqOrder);
        long expected = 1;
        var prev = Genesis;
        foreach (var e in entriesInSeqOrder)
        {
            var problem =
                e.Seq != expected ? (e.Seq > expected ? "missing" : "out of order") :
                e.PrevHash != prev ? "previous-hash link broken" :
                e.UserId is not null && (e.UserSalt is null || Digest(e.UserSalt, e.UserId) != e.UserDigest) ? "user id altered" :
                ComputeHash(e) != e.Hash ? "content altered" : null;
            if (problem is not null)
            {
                return AuditVerification.Broken(expected - 1, expected, problem);
            }

            prev = e.Hash;
            expected++;
        }

        var count = expected - 1;
        if (head is { } h && (h.Seq != count || h.Hash != prev))
        {
            return h.Seq > count
                ? AuditVerification.Broken(count, count + 1, "missing")
                : AuditVerification.Broken(count, h.Seq, "head does not match the last entry");
        }

        return AuditVerification.Intact(count);
    }

    public static string ComputeHash(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string[] fields =
        [
            "v1",
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.TimeUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.Kind, e.Event, e.Channel, e.UserDigest, e.PersonId ?? "", e.MessageId ?? "", e.PurposeId ?? "",
            e.TextVersion?.ToString(CultureInfo.InvariantCulture) ?? "", e.TextHash ?? "",
            string.Join('\u001e', e.Buttons), e.Actor, e.Detail ?? "", e.PrevHash,
        ];
        var canonical = string.Join('\u001f', fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Digest(string salt, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "\u001f" + userId)));

    private static DateTime TruncateToMilliseconds(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
