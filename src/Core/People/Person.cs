namespace PdBot.Core.People;

/// <summary>
/// A person as known on one channel. <see cref="Id"/> is a random pseudonym: it is what other records
/// point to, so erasing the platform ids later leaves nothing that leads back to the person.
/// </summary>
public sealed class Person
{
    public string Id { get; set; } = "";

    /// <summary>"{channel}:{platform user id}", unique.</summary>
    public string Key { get; set; } = "";

    public string Channel { get; set; } = "";

    public string PlatformUserId { get; set; } = "";

    public string ChatId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The subscription link the person first came through (Telegram <c>/start &lt;source&gt;</c>, VK <c>ref</c>):
    /// "poster-reception", "site"… Null when unknown.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>The person blocked the bot or denied messages: nothing more is sent.</summary>
    public bool Unreachable { get; set; }

    /// <summary>
    /// Blocked at the person's request or while their claim is checked (152-FZ Art. 21, policy 6.2.5–6.2.6): no
    /// mailing and no processing for any purpose; only answers to their own requests reach them, until unblocked.
    /// </summary>
    public bool Blocked { get; set; }

    /// <summary>The request that started the blocking; unblocking that request ends it.</summary>
    public long? BlockedByRequestId { get; set; }

    /// <summary>When the platform ids were erased (destruction); the pseudonymous id stays for the records.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>Whether the bot may process this person's data for its purposes (mailing, consultations, reviews…).</summary>
    public bool MayProcess() => !Blocked && ErasedAtUtc is null;

    public static string MakeKey(string channel, string platformUserId) => $"{channel}:{platformUserId}";

    public static Person Create(string channel, string platformUserId, string chatId, DateTime nowUtc) => new()
    {
        // Time-ordered (v7) so new people append to the end of the indexes instead of dirtying random pages.
        Id = Guid.CreateVersion7(new DateTimeOffset(nowUtc, TimeSpan.Zero)).ToString("N"),
        Key = MakeKey(channel, platformUserId),
        Channel = channel,
        PlatformUserId = platformUserId,
        ChatId = chatId,
        CreatedAtUtc = nowUtc,
    };
}
