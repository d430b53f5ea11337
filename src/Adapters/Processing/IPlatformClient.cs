using PdBot.Core.Outbox;

namespace PdBot.Adapters.Processing;

/// <summary>One platform's API calls for stored outgoing messages: what a channel adapter keeps besides its mapping.</summary>
public interface IPlatformClient
{
    /// <summary>"telegram", "vk".</summary>
    string Channel { get; }

    SendLimits Limits { get; }

    /// <summary>Makes the call <paramref name="message"/> stands for; never throws for a platform's answer, only for cancellation.</summary>
    Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
