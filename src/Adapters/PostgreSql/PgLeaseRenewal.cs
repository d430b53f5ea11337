using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Keeps this host's leases (<see cref="PgDeploymentLease"/>) alive while it runs, takes over the jobs of hosts that
/// died, and gives them all up when the host stops, so another host takes them over at once.
/// </summary>
public sealed partial class PgLeaseRenewal(PgDeploymentLease lease, TimeProvider time, ILogger<PgLeaseRenewal> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await lease.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or OperationCanceledException)
        {
            LogReleaseFailed(ex.GetType().Name); // they run out within seconds anyway
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await lease.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException)
            {
                LogRenewFailed(ex.GetType().Name);
            }

            await Task.Delay(PgDeploymentLease.RenewEvery, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the deployment leases failed ({Error}); they lapse unless renewed within seconds")]
    private partial void LogRenewFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the deployment leases failed ({Error}); they lapse within seconds")]
    private partial void LogReleaseFailed(string error);
}
