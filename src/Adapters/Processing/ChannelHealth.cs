namespace PdBot.Adapters.Processing;

/// <summary>One channel's state for <c>/health</c>: counts and a flag, no personal data.</summary>
/// <param name="Channel">"telegram", "vk".</param>
/// <param name="InboxBacklog">Stored updates not processed yet.</param>
/// <param name="OutboxBacklog">Outgoing messages not delivered yet.</param>
/// <param name="SetAside">Updates set aside since start.</param>
/// <param name="Failing">True while the platform refuses or fails the channel's calls (the last attempts all failed).</param>
public sealed record ChannelHealth(string Channel, int InboxBacklog, int OutboxBacklog, long SetAside, bool Failing);
