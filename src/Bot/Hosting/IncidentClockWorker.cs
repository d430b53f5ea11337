using PdBot.Adapters.Fleet;
using PdBot.Core.Incidents;

namespace PdBot.Bot.Hosting;

/// <summary>
/// Every 10 minutes (on the injected clock): alerts operators about incidents' 24- and 72-hour deadlines and brings
/// the service notices' outcomes up to date with the outbox. Errors are logged and retried next round; the alert
/// board's keys make a rerun harmless.
/// </summary>
public sealed partial class IncidentClockWorker(
    IncidentClock clock, AffectedPeople affected, TimeProvider time, ILogger<IncidentClockWorker> logger, IDeploymentLease? lease = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                if (await _lease.TryHoldAsync(DeploymentJobs.IncidentClock, stoppingToken))
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

    /// <returns>How many deadline alerts were raised.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var alerted = await clock.RunAsync(ct);
        var updated = await affected.RefreshAllAsync(ct);
        if (alerted + updated > 0)
        {
            LogRound(alerted, updated);
        }

        return alerted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incidents: {Alerted} deadline alerts raised, {Updated} service notice outcomes updated")]
    private partial void LogRound(int alerted, int updated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident clock round failed; it runs again in 10 minutes")]
    private partial void LogFailed(Exception ex);
}
