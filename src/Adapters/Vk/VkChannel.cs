using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Vk;

/// <summary>Runs the VK channel: processes stored events in order and delivers the outbox.</summary>
public sealed class VkChannel(VkAdapter adapter, IInbox inbox, PdBot.Core.Outbox.IOutbox outbox, TimeProvider time, ILogger<VkChannel> logger) : BackgroundService
{
    private readonly InboxWorker _worker = new(inbox, VkActivityMapper.Channel, ProcessAsync, time, logger);

    // Interim (issue 11): the outbox sender replaces the dispatcher; turns are wired to the new processing loop by its rewrite.
    private readonly OutboxSender _sender = new(adapter, outbox, (chat, ct) => inbox.TryAddAsync(UnreachableNotice.Create(VkActivityMapper.Channel, chat, time), ct), time, logger);

    public void Signal() => _worker.Signal();

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _worker.DrainAsync(ct);
        await _sender.DeliverDueAsync(ct);
    }

    public override void Dispose()
    {
        _worker.Dispose();
        _sender.Dispose();
        base.Dispose();
    }

    private static Task ProcessAsync(InboxItem item, CancellationToken ct) =>
        throw new NotSupportedException("Turns run in the partitioned processing loop (issue 11).");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                VkLog.RoundFailed(logger, ex);
            }

            await _worker.RunUntilSignalAsync(stoppingToken);
        }
    }
}
