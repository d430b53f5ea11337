using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Bot.Conversation.Unsubscribe;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Tests.Stores.Hosts;

/// <summary>
/// One host's processing on a shared PostgreSQL database, in this process: its own connection pool, inbox, partition
/// claims, turn transactions and <see cref="ChannelLoop"/> on the "test" channel, with <see cref="EffectBot"/>.
/// </summary>
public sealed class PgHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public PgHost(string name, string connectionString, TimeProvider clock)
    {
        Storage = new PgStorage(connectionString);
        Inbox = new PgInbox(Storage);
        Claims = new PgPartitionClaims(Storage, clock, lockWait: TimeSpan.FromMilliseconds(300));
        Transactions = new PgTurnTransactions(Storage, Claims);
        Bot = new EffectBot(Storage, name);
        Loop = new ChannelLoop("test", Inbox, Transactions, Bot, new WithdrawalRecognizer(),
            item => JsonSerializer.Deserialize<Activity>(item.Payload), _ => { },
            new ProcessingOptions { Workers = 4 }, clock, NullLogger.Instance, claims: Claims);
        Clock = clock;
    }

    public PgStorage Storage { get; }

    public PgInbox Inbox { get; }

    public PgPartitionClaims Claims { get; }

    public PgTurnTransactions Transactions { get; }

    public EffectBot Bot { get; }

    public ChannelLoop Loop { get; }

    public TimeProvider Clock { get; }

    public void Start() => _running = Task.Run(() => Loop.RunAsync(_stop.Token));

    /// <summary>Stores an update of <paramref name="user"/> here, as this host's webhook would.</summary>
    public Task<bool> SayAsync(string user, string text, string id) =>
        Loop.IngestAsync(Item(Activity.Message("test", user, text, id)), null, default);

    /// <summary>Stops the loop: a turn in the middle of its work is cancelled before its commit.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Loop.Dispose();
        Claims.Dispose();
        Storage.Dispose();
        _stop.Dispose();
    }

    private InboxItem Item(Activity activity) => new()
    {
        Id = "test:" + activity.MessageId,
        Channel = "test",
        Payload = JsonSerializer.Serialize(activity),
        ReceivedAtUtc = Clock.GetUtcNow().UtcDateTime,
    };
}
