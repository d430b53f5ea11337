using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.Vk.Api;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.Vk;

/// <summary>
/// Bots Long Poll: a_check with wait; failed 1 → continue from the given ts, 2 → new key (same ts),
/// 3 → new key and ts. The ts moves — and is stored — only past events already in the inbox. With several hosts,
/// the holder of <see cref="DeploymentJobs.Poll"/> polls; one taking over resumes from the stored ts.
/// </summary>
public sealed class VkLongPoll(VkApi api, IHttpClientFactory httpFactory, IInbox inbox, VkChannel channel,
    IOptions<VkOptions> options, TimeProvider time, ILogger<VkLongPoll> logger, IDeploymentLease? lease = null) : BackgroundService
{
    public const string HttpClientName = "vk-longpoll";

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var job = DeploymentJobs.Poll(VkActivityMapper.Channel);
        VkLongPollPosition? position = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await _lease.TryHoldAsync(job, stoppingToken))
                {
                    position = null; // the host polling now moves the stored ts
                    await Task.Delay(DeploymentJobs.Recheck, time, stoppingToken);
                    continue;
                }

                // Past the inbox's cap polling waits: VK keeps the events (the stored ts has not passed them).
                if (channel.Loop.Full)
                {
                    await Task.Delay(channel.Loop.RetryAfter, time, stoppingToken);
                    continue;
                }

                position ??= await ConnectAsync(stoppingToken);
                position = await PollOnceAsync(position, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                VkLog.Poll(logger, "failed (" + ex.GetType().Name + "); retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Gets a server and key; resumes from the stored ts when there is one.</summary>
    public async Task<VkLongPollPosition> ConnectAsync(CancellationToken ct)
    {
        var s = await api.Groups.GetLongPollServerAsync(options.Value.GroupId, ct);
        return new VkLongPollPosition(s.Server, s.Key, inbox.GetCursor(VkActivityMapper.Channel) ?? s.Ts);
    }

    public async Task<VkLongPollPosition> PollOnceAsync(VkLongPollPosition p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        var url = new Uri($"{p.Server}?act=a_check&key={Uri.EscapeDataString(p.Key)}&ts={Uri.EscapeDataString(p.Ts)}&wait={options.Value.LongPollWaitSeconds}");
        using var http = httpFactory.CreateClient(HttpClientName);
        using var doc = JsonDocument.Parse(await http.GetStringAsync(url, ct));
        var root = doc.RootElement;
        if (root.TryGetProperty("failed", out var failed))
        {
            VkLog.Poll(logger, "failed " + failed.GetInt32().ToString(CultureInfo.InvariantCulture));
            switch (failed.GetInt32())
            {
                case 1:
                    return p with { Ts = Ts(root.GetProperty("ts")) };
                case 2:
                    var renewed = await api.Groups.GetLongPollServerAsync(options.Value.GroupId, ct);
                    return p with { Server = renewed.Server, Key = renewed.Key };
                default:
                    var fresh = await api.Groups.GetLongPollServerAsync(options.Value.GroupId, ct);
                    return new VkLongPollPosition(fresh.Server, fresh.Key, fresh.Ts);
            }
        }

        foreach (var update in root.GetProperty("updates").EnumerateArray())
        {
            if (update.TryGetProperty("event_id", out var id))
            {
                await channel.IngestAsync(new InboxItem
                {
                    Id = $"{VkActivityMapper.Channel}:{id.GetString()}",
                    Channel = VkActivityMapper.Channel,
                    Payload = update.GetRawText(),
                    ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
                }, Map(update), ct);
            }
        }

        var next = p with { Ts = Ts(root.GetProperty("ts")) };
        await inbox.SetCursorAsync(VkActivityMapper.Channel, next.Ts, ct);
        return next;
    }

    // An event the mapper cannot read is stored all the same: the loop skips it with a warning, the poll goes on.
    private static PdBot.Core.Turns.Activity? Map(JsonElement update)
    {
        try
        {
            return VkActivityMapper.ToActivity(update);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    // ts is a string normally but a number next to "failed".
    private static string Ts(JsonElement ts) =>
        ts.ValueKind == JsonValueKind.Number ? ts.GetInt64().ToString(CultureInfo.InvariantCulture) : ts.GetString() ?? "0";
}
