namespace PdBot.Adapters.Processing;

/// <summary>One person's updates (channel + user), processed strictly in arrival order, one at a time.</summary>
public sealed class Partition(string key)
{
    public string Key { get; } = key;

    internal Queue<InboxWork> Items { get; } = new();

    internal int UrgentCount { get; set; }

    /// <summary>A worker has its head item.</summary>
    internal bool Running { get; set; }

    /// <summary>Its head item failed and waits for the retry time; the partition is not ready meanwhile.</summary>
    internal bool Parked { get; set; }

    /// <summary>Held outside the loop (<see cref="PartitionQueue.TryHold"/>): its updates wait until released.</summary>
    internal bool Held { get; set; }

    /// <summary>In the ready list (the node, so a demand to stop can move it to the urgent list).</summary>
    internal LinkedListNode<Partition>? Ready { get; set; }
}
