using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Tests.Processing;

public sealed class PartitionQueueTests : IDisposable
{
    private readonly PartitionQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    [Fact]
    public void One_persons_updates_are_handed_out_one_at_a_time_in_arrival_order()
    {
        _queue.Add(Work("a1", "anna"));
        _queue.Add(Work("a2", "anna"));
        _queue.Add(Work("b1", "boris"));

        Assert.True(_queue.TryTake(out var first));
        Assert.True(_queue.TryTake(out var second));
        Assert.False(_queue.TryTake(out _)); // anna's second waits for her first

        Assert.Equal(("a1", "b1"), (first.Work.Item.Id, second.Work.Item.Id));
        _queue.Complete(first.Partition);
        Assert.True(_queue.TryTake(out var third));
        Assert.Equal("a2", third.Work.Item.Id);
    }

    [Fact]
    public void A_demand_to_stop_is_served_before_everybody_elses_work()
    {
        for (var i = 0; i < 1000; i++)
        {
            _queue.Add(Work($"x{i}", $"p{i}"));
        }

        _queue.Add(Work("stop", "vera", urgent: true));

        Assert.True(_queue.TryTake(out var first));
        Assert.Equal("stop", first.Work.Item.Id);
    }

    [Fact]
    public void A_stop_behind_the_persons_own_earlier_update_keeps_their_order_but_jumps_the_others()
    {
        _queue.Add(Work("v1", "vera"));
        _queue.Add(Work("x1", "petr"));
        _queue.Add(Work("v2-stop", "vera", urgent: true));

        var order = Drain();

        Assert.Equal(["v1", "v2-stop", "x1"], order);
    }

    [Fact]
    public void A_person_flooding_the_queue_is_served_round_robin_with_the_others()
    {
        for (var i = 0; i < 100; i++)
        {
            _queue.Add(Work($"f{i}", "flood"));
        }

        _queue.Add(Work("calm", "calm"));

        var order = Drain();

        Assert.True(order.IndexOf("calm") <= 1, $"calm came at {order.IndexOf("calm")}");
    }

    [Fact]
    public void A_parked_partition_holds_only_its_own_person_and_returns_at_the_retry_time()
    {
        var clock = new FakeTimeProvider();
        _queue.Add(Work("bad", "anna"));
        _queue.Add(Work("a2", "anna"));
        _queue.Add(Work("b1", "boris"));
        Assert.True(_queue.TryTake(out var bad));
        _queue.Park(bad.Partition, TimeSpan.FromSeconds(5), clock);

        Assert.True(_queue.TryTake(out var other));
        Assert.Equal("b1", other.Work.Item.Id);
        _queue.Complete(other.Partition);
        Assert.False(_queue.TryTake(out _));
        Assert.True(_queue.WhenIdleAsync().IsCompleted); // a parked retry does not count as work now

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(_queue.TryTake(out var again));
        Assert.Equal("bad", again.Work.Item.Id);
    }

    [Fact]
    public void Empty_partitions_are_dropped_and_a_reloaded_update_is_not_queued_twice()
    {
        Assert.True(_queue.Add(Work("a1", "anna")));
        Assert.False(_queue.Add(Work("a1", "anna")));
        Assert.True(_queue.TryTake(out var taken));
        _queue.Complete(taken.Partition);

        Assert.Equal(0, _queue.Count);
        Assert.False(_queue.Knows("a1"));
    }

    [Fact]
    public void A_hold_is_refused_while_the_person_has_an_update_queued_or_running()
    {
        _queue.Add(Work("a1", "anna"));
        Assert.False(_queue.TryHold("test:anna")); // queued

        Assert.True(_queue.TryTake(out var running));
        Assert.False(_queue.TryHold("test:anna")); // running

        _queue.Complete(running.Partition);
        Assert.True(_queue.TryHold("test:anna"));
        Assert.False(_queue.TryHold("test:anna")); // already held
    }

    [Fact]
    public void Updates_arriving_during_a_hold_wait_for_its_release_and_others_go_on()
    {
        Assert.True(_queue.TryHold("test:anna"));
        _queue.Add(Work("a1", "anna", urgent: true));
        _queue.Add(Work("b1", "boris"));

        Assert.True(_queue.TryTake(out var other));
        Assert.Equal("b1", other.Work.Item.Id);
        _queue.Complete(other.Partition);
        Assert.False(_queue.TryTake(out _)); // anna's stop waits for the hold, however urgent

        _queue.Release("test:anna");
        Assert.True(_queue.TryTake(out var released));
        Assert.Equal("a1", released.Work.Item.Id);
    }

    [Fact]
    public void A_released_hold_without_updates_leaves_nothing_behind()
    {
        Assert.True(_queue.TryHold("test:anna"));
        _queue.Release("test:anna");
        _queue.Release("test:anna"); // a second release is harmless

        Assert.True(_queue.WhenIdleAsync().IsCompleted);
        Assert.True(_queue.TryHold("test:anna"));
        _queue.Add(Work("a1", "anna"));
        _queue.Release("test:anna");
        Assert.Equal(["a1"], Drain());
    }

    private List<string> Drain()
    {
        var order = new List<string>();
        while (_queue.TryTake(out var t))
        {
            order.Add(t.Work.Item.Id);
            _queue.Complete(t.Partition);
        }

        return order;
    }

    private static InboxWork Work(string id, string user, bool urgent = false) =>
        new(new InboxItem { Id = id, Channel = "test", Urgent = urgent }, Activity.Message("test", user, "text"));
}
