namespace PdBot.Adapters.Processing;

/// <summary>The outcome of one platform call; <paramref name="RetryAfter"/> only with <see cref="DeliveryStatus.Retry"/> when the platform named it.</summary>
/// <param name="Error">What went wrong, for the log and the stored message: an error code and the platform's words, never a chat id or a text.</param>
public sealed record DeliveryResult(DeliveryStatus Status, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static readonly DeliveryResult Ok = new(DeliveryStatus.Sent);
}
