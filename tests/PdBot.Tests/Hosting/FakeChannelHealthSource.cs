using PdBot.Adapters.Processing;

namespace PdBot.Tests.Hosting;

/// <summary>A channel whose health the test sets.</summary>
public sealed class FakeChannelHealthSource(ChannelHealth health) : IChannelHealthSource
{
    public ChannelHealth Current { get; set; } = health;

    public ChannelHealth Health() => Current;
}
