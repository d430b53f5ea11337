using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Core.Outbox;
using PdBot.Tests.PostgreSql;
using PdBot.Tests.Telegram;
using global::Telegram.Bot;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>
/// Two hosts' outbox senders (each with its own connections, lease and PostgreSQL outbox store) draining one outbox
/// through the fake Bot API: the holder of the channel's lease sends, and each message reaches Telegram once.
/// </summary>
public sealed class OutboxAcrossHostsTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _owned = [];
    private FakeTelegramServer _tg = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _tg = await FakeTelegramServer.StartAsync();
        _database = PgServer.CreateDatabase();
        using var storage = new PgStorage(_database);
        await new PgMigrator(storage).MigrateAsync();
    }

    public async Task DisposeAsync() => await _tg.DisposeAsync();

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        _http.Dispose();
    }

    private sealed record Host(string Name, PgRequestStore Outbox, PgDeploymentLease Lease, OutboxSender Sender);

    private Host StartHost(string name)
    {
        var storage = new PgStorage(_database);
        var outbox = new PgRequestStore(storage, []);
        var lease = new PgDeploymentLease(storage, _clock, name);
        var client = new TelegramAdapter(new TelegramBotClient(new TelegramBotClientOptions(_tg.Token, _tg.BaseUrl) { RetryThreshold = 0 }, _http));
        var sender = new OutboxSender(client, outbox, (_, _) => Task.CompletedTask, _clock, NullLogger.Instance, lease: lease);
        _owned.Add(sender);
        _owned.Add(lease);
        _owned.Add(storage);
        return new Host(name, outbox, lease, sender);
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
        _tg.CallsTo("sendMessage").GroupBy(c => c.Text!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

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
        await holder.Outbox.MarkInFlightAsync(interrupted, _clock.GetUtcNow().UtcDateTime);
        await StoreAsync(other, Enumerable.Range(15, 6));
        Assert.Equal(0, await other.Sender.DeliverDueAsync(default));
        _clock.Advance(PgDeploymentLease.Ttl + TimeSpan.FromSeconds(1));

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
        await UntilAsync(() => _tg.CallsTo("sendMessage").Count >= 20);

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
            _clock.Advance(DeploymentJobs.Recheck);
            await Task.Delay(TimeSpan.FromMilliseconds(50)); // polling: the survivor's loop runs on its own task
        }

        await UntilAsync(() => _tg.CallsTo("sendMessage").Count >= 30);
        await (holder == a ? stopB : stopA).CancelAsync();
        await survivorRun;

        var texts = SentTexts();
        Assert.Equal(30, texts.Count);
        Assert.All(texts, t => Assert.Equal(1, t.Value));
        Assert.Empty(a.Outbox.Pending("telegram"));
    }

    private List<OutboxMessage> SetAside()
    {
        using var storage = new PgStorage(_database);
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
