using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using PdBot.Adapters.Fleet;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// getUpdates loop. Our own loop rather than Telegram.Bot's receiver, which moves the offset before
/// the handler runs: here the offset passes an update only after it is stored, so none is lost. Telegram serves
/// getUpdates to one caller at a time: with several hosts, the holder of <see cref="DeploymentJobs.Poll"/> polls.
/// </summary>
public sealed class TelegramPolling(ITelegramBotClient client, TelegramChannel channel,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramPolling> logger, IDeploymentLease? lease = null) : BackgroundService
{
    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var job = DeploymentJobs.Poll(TelegramActivityMapper.Channel);
        int? offset = null;
        var polling = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await _lease.TryHoldAsync(job, stoppingToken))
                {
                    // Another host polls; when this one takes over it starts from what Telegram has not had confirmed.
                    (offset, polling) = (null, false);
                    await Task.Delay(DeploymentJobs.Recheck, time, stoppingToken);
                    continue;
                }

                if (!polling)
                {
                    // getUpdates does not work while a webhook is set.
                    await client.DeleteWebhook(cancellationToken: stoppingToken);
                    polling = true;
                }

                // Past the inbox's cap polling waits: the updates stay with Telegram until processing catches up.
                if (channel.Loop.Full)
                {
                    await Task.Delay(channel.Loop.RetryAfter, time, stoppingToken);
                    continue;
                }

                offset = await PollOnceAsync(offset, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TelegramLog.PollFailed(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>One getUpdates call; returns the next offset (past the stored updates only).</summary>
    public async Task<int?> PollOnceAsync(int? offset, CancellationToken ct)
    {
        var updates = await client.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, cancellationToken: ct);
        foreach (var update in updates)
        {
            await channel.IngestAsync(new InboxItem
            {
                Id = $"{TelegramActivityMapper.Channel}:{update.Id}",
                Channel = TelegramActivityMapper.Channel,
                Payload = JsonSerializer.Serialize(update, JsonBotAPI.Options),
                ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
            }, TelegramActivityMapper.ToActivity(update), ct);
            offset = update.Id + 1;
        }

        if (updates.Length > 0)
        {
            TelegramLog.Stored(logger, updates.Length, offset ?? 0);
        }

        return offset;
    }
}
