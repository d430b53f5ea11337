namespace PdBot.Adapters.Processing;

/// <summary>A running channel that can say how it is doing (registered once per enabled channel).</summary>
public interface IChannelHealthSource
{
    ChannelHealth Health();
}
