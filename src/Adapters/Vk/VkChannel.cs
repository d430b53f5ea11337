using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.Vk;

/// <summary>Runs the VK channel: processes stored events in order and delivers the outbox.</summary>
public sealed class VkChannel(VkAdapter adapter, IInbox inbox, PdBot.Core.Outbox.IOutbox outbox, TimeProvider time, ILogger<VkChannel> logger) : BackgroundService
{
    private readonly InboxWorker _worker = new(inbox, VkActivityMapper.Channel, adapter.ProcessAsync, time, logger);

    public void Signal() => _worker.Signal();

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _worker.DrainAsync(ct);
        await OutboxDispatcher.DeliverAsync(outbox, adapter, VkActivityMapper.Channel, time, ct);
    }

    public override void Dispose()
    {
        _worker.Dispose();
        base.Dispose();
    }

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
