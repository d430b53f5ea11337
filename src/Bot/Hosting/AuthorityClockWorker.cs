using PdBot.Adapters.Fleet;
using PdBot.Core.Authority;

namespace PdBot.Bot.Hosting;

/// <summary>
/// Hourly (on the injected clock): alerts operators about the terms of Roskomnadzor requests and operator-found
/// unlawful processing. Errors are logged and retried next round; the alert keys make reruns harmless.
/// </summary>
public sealed partial class AuthorityClockWorker(
    AuthorityDeadlineAlerts alerts, TimeProvider time, ILogger<AuthorityClockWorker> logger, IDeploymentLease? lease = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                if (await _lease.TryHoldAsync(DeploymentJobs.AuthorityClock, stoppingToken))
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

    public async Task RunOnceAsync(CancellationToken ct)
    {
        var raised = await alerts.RunAsync(ct);
        if (raised > 0)
        {
            LogRound(raised);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authority clock: {Raised} deadline alerts raised")]
    private partial void LogRound(int raised);

    [LoggerMessage(Level = LogLevel.Error, Message = "Authority clock round failed; it runs again next hour")]
    private partial void LogFailed(Exception ex);
}
