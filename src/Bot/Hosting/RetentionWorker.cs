using PdBot.Adapters.Fleet;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Bot.Hosting;

/// <summary>
/// Hourly (on the injected clock): carries out destructions that are due and alerts operators about
/// deadlines. Errors are logged and retried next round; nothing here is lost, it all lives in the store.
/// </summary>
public sealed partial class RetentionWorker(
    RetentionService retention,
    DeadlineAlerts alerts,
    PdBot.Core.Inbox.IInbox inbox,
    IEnumerable<IPurposeDataSweep> sweeps,
    TimeProvider time,
    ILogger<RetentionWorker> logger,
    IDeploymentLease? lease = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>How long processed updates are kept for recognising redeliveries (well past Telegram's 24 h and VK's 3 h).</summary>
    public static readonly TimeSpan InboxKeep = TimeSpan.FromDays(2);

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                // Once per deployment: the host holding the job runs the round, the others skip it.
                if (await _lease.TryHoldAsync(DeploymentJobs.Retention, stoppingToken))
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
        var destroyed = await retention.RunDueAsync(ct);

        // Purpose terms (policy 6.2.9): consents that ran out, consultation requests, inbox messages… One failing sweep does not stop the others.
        foreach (var sweep in sweeps)
        {
            try
            {
                destroyed += await sweep.RunAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(sweep.GetType().Name, ex);
            }
        }

        var alerted = await alerts.RunAsync(ct);
        await inbox.SweepAsync(time.GetUtcNow().UtcDateTime - InboxKeep, ct);
        if (destroyed + alerted > 0)
        {
            LogRound(destroyed, alerted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Destroyed} withdrawals and purpose terms carried out, {Alerted} deadline alerts queued")]
    private partial void LogRound(int destroyed, int alerted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep {Sweep} failed; it runs again next hour")]
    private partial void LogSweepFailed(string sweep, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention round failed; it runs again next hour")]
    private partial void LogFailed(Exception ex);
}
