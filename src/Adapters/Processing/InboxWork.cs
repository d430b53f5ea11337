using System.Text;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>A stored update waiting in its person's partition, with its activity when it was mapped on arrival (null: map when taken).</summary>
public sealed record InboxWork(InboxItem Item, Activity? Activity)
{
    /// <summary>The payload's size in UTF-8 bytes, for the cap on unprocessed bytes.</summary>
    public int Bytes { get; } = Encoding.UTF8.GetByteCount(Item?.Payload ?? "");
}
