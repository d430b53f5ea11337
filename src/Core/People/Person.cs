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

    /// <summary>The person blocked the bot or denied messages: nothing more is sent.</summary>
    public bool Unreachable { get; set; }

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
