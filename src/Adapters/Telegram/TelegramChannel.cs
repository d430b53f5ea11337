using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// Runs the Telegram channel: registers or removes the webhook, processes stored updates in order
/// (after a crash, the unprocessed ones first) and delivers the outbox (approved answers, notices).
/// </summary>
public sealed class TelegramChannel(
    TelegramAdapter adapter, IInbox inbox, PdBot.Core.Outbox.IOutbox outbox, ITelegramBotClient client,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramChannel> logger) : BackgroundService
{
    private readonly InboxWorker _worker = new(inbox, TelegramActivityMapper.Channel, ProcessAsync, time, logger);

    // Interim (issue 11): the outbox sender replaces the dispatcher; turns are wired to the new processing loop by its rewrite.
    private readonly OutboxSender _sender = new(adapter, outbox, (chat, ct) => inbox.TryAddAsync(UnreachableNotice.Create(TelegramActivityMapper.Channel, chat, time), ct), time, logger);

    public override void Dispose()
    {
        _worker.Dispose();
        _sender.Dispose();
        base.Dispose();
    }

    /// <summary>An update was stored: process it now.</summary>
    public void Signal() => _worker.Signal();

    /// <summary>Processes what is stored and delivers the outbox once (tests and start-up use it).</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _worker.DrainAsync(ct);
        await _sender.DeliverDueAsync(ct);
    }

    private static Task ProcessAsync(InboxItem item, CancellationToken ct) =>
        throw new NotSupportedException("Turns run in the partitioned processing loop (issue 11).");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Mode == TelegramOptions.Webhook && !string.IsNullOrWhiteSpace(o.WebhookUrl))
        {
            await client.SetWebhook(o.WebhookUrl, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TelegramLog.RoundFailed(logger, ex);
            }

            await _worker.RunUntilSignalAsync(stoppingToken);
        }
    }
}
