using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>
/// Two hosts' outbox senders (each with its own connections, lease and PostgreSQL outbox store) draining one outbox
/// through the fake Bot API: the holder of the channel's lease sends, and each message reaches Telegram once.
/// </summary>
public sealed class OutboxAcrossHostsTests : FleetTestBase
{
    private sealed record Host(string Name, PgStorage Storage, PgRequestStore Outbox, PgDeploymentLease Lease, OutboxSender Sender);

    private Host StartHost(string name)
    {
        var storage = Connect();
        var outbox = new PgRequestStore(storage, []);
        var lease = Own(new PgDeploymentLease(storage, Clock, name));
        var signals = new PgOutboxSignals(storage, Clock, NullLogger<PgOutboxSignals>.Instance);
        var sender = Own(new OutboxSender(TelegramClient(), outbox, (_, _) => Task.CompletedTask, Clock, NullLogger.Instance, lease: lease, signals: signals));
        return new Host(name, storage, outbox, lease, sender);
    }

    private static OutboxMessage Reply(int n) => new()
    {
        Channel = "telegram",
        ChatId = (700 + n).ToString(CultureInfo.InvariantCulture),
        Text = $"Сообщение {n}",
        Kind = OutboxKind.TurnReply,
        Action = OutboxAction.Send,
        CreatedAtUtc = Start.UtcDateTime,
    };

    private static async Task<List<OutboxMessage>> StoreAsync(Host host, IEnumerable<int> numbers)
    {
        List<OutboxMessage> messages = [.. numbers.Select(Reply)];
        await host.Outbox.EnqueueAsync(messages, []);
        return messages;
    }

    private Dictionary<string, int> SentTexts() =>
        Telegram.CallsTo("sendMessage").GroupBy(c => c.Text!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [Fact]
    public async Task Two_hosts_drain_one_outbox_and_each_message_is_sent_once_also_when_the_holder_dies()
    {
        var a = StartHost("a");
        var b = StartHost("b");
        await StoreAsync(a, Enumerable.Range(1, 10));

        var sent = await Task.WhenAll(a.Sender.DeliverDueAsync(default), b.Sender.DeliverDueAsync(default));

        Assert.Equal(10, sent.Sum());
        Assert.Contains(0, sent);
        var (holder, other) = sent[0] > 0 ? (a, b) : (b, a);

        // A turn on the other host commits replies: that host keeps none of them, the holder sends them.
        var fromOther = await StoreAsync(other, Enumerable.Range(11, 3));
        other.Sender.Enqueue(fromOther);
        Assert.Equal(0, other.Sender.Backlog);
        Assert.Equal(0, await other.Sender.DeliverDueAsync(default));
        Assert.Equal(3, await holder.Sender.DeliverDueAsync(default));

        // The holder dies in the middle of a call (marked in flight, outcome unknown) and never renews its lease.
        var interrupted = (await StoreAsync(holder, [14]))[0];
        await holder.Outbox.MarkInFlightAsync(interrupted, Clock.GetUtcNow().UtcDateTime);
        await StoreAsync(other, Enumerable.Range(15, 6));
        Assert.Equal(0, await other.Sender.DeliverDueAsync(default));
        Clock.Advance(PgDeploymentLease.Ttl + TimeSpan.FromSeconds(1));

        Assert.Equal(6, await other.Sender.DeliverDueAsync(default));

        var texts = SentTexts();
        Assert.Equal(Enumerable.Range(1, 20).Where(n => n != 14).Select(n => $"Сообщение {n}").Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
        Assert.All(texts, t => Assert.Equal(1, t.Value));
        Assert.Empty(a.Outbox.Pending("telegram"));

        // Telegram has no idempotency key: the call the dead holder left in flight is set aside, never made twice.
        var failed = Assert.Single(SetAside());
        Assert.Equal((interrupted.Id, OutboxSender.InterruptedByRestart), (failed.Id, failed.LastError));

        // The old holder coming back finds the channel taken.
        Assert.Equal(0, await holder.Sender.DeliverDueAsync(default));
    }

    [Fact]
    public async Task Two_hosts_running_their_senders_side_by_side_send_each_message_once_and_the_survivor_takes_over()
    {
        var a = StartHost("a");
        var b = StartHost("b");
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.Sender.RunAsync(stopA.Token);
        var runB = b.Sender.RunAsync(stopB.Token);

        await StoreAsync(a, Enumerable.Range(1, 10));
        await StoreAsync(b, Enumerable.Range(11, 10));
        a.Sender.Signal();
        b.Sender.Signal();
        await UntilAsync(() => Telegram.CallsTo("sendMessage").Count >= 20);

        var holder = a.Lease.Holds(DeploymentJobs.Outbox("telegram")) ? a : b;
        var (survivor, survivorRun) = holder == a ? (b, runB) : (a, runA);
        await (holder == a ? stopA : stopB).CancelAsync(); // killed: its lease is not released
        await (holder == a ? runA : runB);

        await StoreAsync(survivor, Enumerable.Range(21, 10));
        survivor.Sender.Signal();

        // The survivor asks again every second; the dead holder's lease runs out after Ttl.
        var job = DeploymentJobs.Outbox("telegram");
        Assert.False(survivor.Lease.Holds(job));
        for (var i = 0; !survivor.Lease.Holds(job); i++)
        {
            Assert.True(i < 200, "the survivor never took the channel over");
            Clock.Advance(DeploymentJobs.Recheck);
            await Task.Delay(TimeSpan.FromMilliseconds(50)); // polling: the survivor's loop runs on its own task
        }

        await UntilAsync(() => Telegram.CallsTo("sendMessage").Count >= 30);
        await (holder == a ? stopB : stopA).CancelAsync();
        await survivorRun;

        var texts = SentTexts();
        Assert.Equal(30, texts.Count);
        Assert.All(texts, t => Assert.Equal(1, t.Value));
        Assert.Empty(a.Outbox.Pending("telegram"));
    }

    [Fact]
    public async Task Replies_committed_on_the_other_host_are_sent_at_once_by_the_holder_without_waiting_for_its_next_read()
    {
        var a = StartHost("a");
        var b = StartHost("b");
        using var stop = new CancellationTokenSource();
        using var none = new ServiceCollection().BuildServiceProvider();
        var listening = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var running = new List<Task> { a.Sender.RunAsync(stop.Token), b.Sender.RunAsync(stop.Token) };
        foreach (var (host, i) in new[] { (a, 0), (b, 1) })
        {
            var listener = new PgOutboxListener(host.Storage, none, Clock, NullLogger<PgOutboxListener>.Instance);
            running.Add(listener.ListenAsync(["telegram"], _ =>
            {
                listening[i].TrySetResult();
                host.Sender.Notified();
            }, stop.Token));
        }

        await Task.WhenAll(listening.Select(l => l.Task)).WaitAsync(TimeSpan.FromSeconds(20));
        await StoreAsync(a, Enumerable.Range(1, 5));
        a.Sender.Signal();
        b.Sender.Signal();
        await UntilAsync(() => Telegram.CallsTo("sendMessage").Count >= 5);
        var other = a.Lease.Holds(DeploymentJobs.Outbox("telegram")) ? b : a;

        // A turn on the other host commits its replies and hands them over. The clock moves only by the signals'
        // folding window, far less than the holder's periodic read: the notice is what brings them.
        var replies = await StoreAsync(other, Enumerable.Range(6, 3));
        other.Sender.Enqueue(replies);
        for (var i = 0; Telegram.CallsTo("sendMessage").Count < 8; i++)
        {
            Assert.True(PgOutboxSignals.Coalesce * i < OutboxSender.ReloadEvery, "not sent before the holder's periodic read");
            Clock.Advance(PgOutboxSignals.Coalesce);
            await Task.Delay(TimeSpan.FromMilliseconds(50)); // polling: the senders run on their own tasks
        }

        await stop.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(SentTexts(), t => Assert.Equal(1, t.Value));
        Assert.Equal(8, SentTexts().Count);
    }

    private List<OutboxMessage> SetAside()
    {
        using var storage = new PgStorage(Database);
        return storage.Documents<OutboxMessage>("SELECT doc FROM outbox WHERE failed_at IS NOT NULL");
    }

    /// <summary>Polls (real time, bounded) until <paramref name="done"/> holds: the senders run on their own tasks.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "timed out");

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
