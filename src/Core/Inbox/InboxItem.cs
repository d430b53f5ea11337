using System.Security.Cryptography;
using System.Text;

namespace PdBot.Core.Inbox;

/// <summary>
/// A platform update as received, stored before the platform is told "ok". Its id is the platform's
/// dedupe key, so a redelivery finds it already there and has no second effect, across restarts too.
/// Once processed it is stored without its payload (names, usernames, typed texts): the id, the times, the attempts
/// and a hash of the payload are all that de-duplication and recovery need (see <see cref="Stripped"/>).
/// </summary>
public sealed class InboxItem
{
    /// <summary>"{channel}:{platform update id}".</summary>
    public string Id { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The raw update (JSON) exactly as the platform sent it; empty once processed.</summary>
    public string Payload { get; set; } = "";

    /// <summary>SHA-256 (hex) of the payload, kept when the payload is dropped: shows a redelivery was the same update.</summary>
    public string? PayloadSha256 { get; set; }

    /// <summary>The sender as the processing partitions by it ("{channel}:{platform user id}"): a person's erasure finds their items by it.</summary>
    public string? PersonKey { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Failed every attempt and set aside: it keeps its payload (for looking into it) until the sweep deletes it.</summary>
    public bool SetAside { get; set; }

    /// <summary>A demand to stop (unsubscribe, block, deny messages), recognised on arrival: processed ahead of other people's updates.</summary>
    public bool Urgent { get; set; }

    /// <summary>
    /// What is stored of the item: itself while unprocessed (a retry needs the payload); once processed a copy without
    /// the payload and with its hash, so the "processed" mark and the dropping of the personal data are one write.
    /// The item itself keeps its payload in memory, in case that write fails and the turn runs again.
    /// </summary>
    public InboxItem Stripped()
    {
        if (ProcessedAtUtc is null || SetAside || Payload.Length == 0)
        {
            return this;
        }

        var copy = (InboxItem)MemberwiseClone();
        copy.PayloadSha256 = Hash(Payload);
        copy.Payload = "";
        return copy;
    }

    public static string Hash(string payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload ?? "")));
}
