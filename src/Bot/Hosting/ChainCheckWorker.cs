using PdBot.Adapters.Fleet;
using PdBot.Core.Alerts;

namespace PdBot.Bot.Hosting;

/// <summary>
/// Hourly (on the injected clock): checks the audit chain through <see cref="AuditChainWatch"/> — the whole trail at
/// start and once a night, the new entries otherwise. Errors are logged and retried next round.
/// </summary>
public sealed partial class ChainCheckWorker(AuditChainWatch watch, ILogger<ChainCheckWorker> logger, IDeploymentLease? lease = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the first, full check may take a while on a big store.
        await Task.Yield();
        using var timer = new PeriodicTimer(Period, watch.Time);
        do
        {
            try
            {
                if (await _lease.TryHoldAsync(DeploymentJobs.ChainCheck, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<ChainWatchResult> RunOnceAsync(CancellationToken ct)
    {
        var round = await watch.CheckAsync(ct);
        var v = round.Verification;
        if (v.IsIntact)
        {
            LogIntact(round.Full ? "full" : "new entries", v.IntactCount);
        }
        else
        {
            LogBroken(round.Full ? "full" : "new entries", v.FirstBadSeq ?? 0, v.Problem ?? "", round.Raised);
        }

        return round;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit chain check ({Scope}): intact up to entry {Count}")]
    private partial void LogIntact(string scope, long count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit chain check ({Scope}): broken at entry {Seq} ({Problem}); new alert: {Raised}")]
    private partial void LogBroken(string scope, long seq, string problem, bool raised);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain check failed; it runs again next hour")]
    private partial void LogFailed(Exception ex);
}
