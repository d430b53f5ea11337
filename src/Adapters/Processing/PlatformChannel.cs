using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>
/// A platform channel, written once for Telegram and VK: ingestion → inbox → per-person turns (<see cref="ChannelLoop"/>)
/// → outbox → the platform's sender (<see cref="OutboxSender"/>). A subclass gives only its platform client, its
/// mapping of a stored update and what must happen on start (e.g. registering the webhook).
/// </summary>
public abstract class PlatformChannel : BackgroundService, IChannelHealthSource
{
    private readonly IPlatformClient _client;

    protected PlatformChannel(IPlatformClient client, Func<InboxItem, Activity?> toActivity, ChannelServices services)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(services);
        _client = client;
        var logger = services.Logs.CreateLogger(GetType());
        Time = services.Time;
        Pacer = new SendPacer(client.Limits, services.Time);
        Sender = new OutboxSender(client, services.Outbox, ReportUnreachableAsync, services.Time, logger, Pacer);
        Loop = new ChannelLoop(client.Channel, services.Inbox, services.Transactions, services.Bot, services.Withdrawals,
            toActivity, Sender.Enqueue, services.Options.Value, services.Time, logger, services.Alerts, services.Claims);
    }

    public string Channel => _client.Channel;

    public ChannelLoop Loop { get; }

    public OutboxSender Sender { get; }

    /// <summary>The platform's pace, shared by the turn replies (first) and the mailings.</summary>
    public SendPacer Pacer { get; }

    protected TimeProvider Time { get; }

    /// <summary>Stores an update and queues it (see <see cref="ChannelLoop.IngestAsync"/>); the platform may be told "ok" after this.</summary>
    public Task<bool> IngestAsync(InboxItem item, Activity? activity, CancellationToken cancellationToken) =>
        Loop.IngestAsync(item, activity, cancellationToken);

    /// <summary>Something was written to the outbox outside a turn (an approved answer): deliver it soon.</summary>
    public void SignalOutbox() => Sender.Signal();

    /// <summary>Processes what is stored and delivers what is due, until both are done (tests and start-up use it).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A delivery may store an update of its own (a refused send becomes a "blocked" update): go round again.
        for (var round = 0; round < 3; round++)
        {
            await Loop.RunOnceAsync(cancellationToken);
            await Sender.DeliverDueAsync(cancellationToken);
            if (Loop.Backlog == 0)
            {
                return;
            }
        }
    }

    public ChannelHealth Health() => new(Channel, Loop.Backlog, Sender.Backlog, Loop.SetAsideCount, Sender.Failing);

    public override void Dispose()
    {
        Loop.Dispose();
        Sender.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Work before the loop starts (register the webhook…).</summary>
    protected virtual Task StartingAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartingAsync(stoppingToken);
        await Task.WhenAll(Loop.RunAsync(stoppingToken), Sender.RunAsync(stoppingToken));
    }

    /// <summary>The platform refused a send to <paramref name="chatId"/> for good (blocked, denied): the person's loop records them unreachable.</summary>
    public async Task ReportUnreachableAsync(string chatId, CancellationToken cancellationToken) =>
        await Loop.IngestAsync(UnreachableNotice.Create(Channel, chatId, Time), null, cancellationToken);
}
