using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>
/// Several hosts on one database: the once-per-deployment jobs go by leases in the database (renewed here, given up
/// when the host stops), every channel's calls take permits from its token's shared budget, and a host that does not
/// send a channel's messages tells the one that does when its turns write some (NOTIFY / LISTEN).
/// </summary>
public static class FleetPgServices
{
    public static IServiceCollection AddFleetPg(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IDeploymentLease>();
        services.AddSingleton(sp => new PgDeploymentLease(sp.GetRequiredService<PgStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeploymentLease>(sp => sp.GetRequiredService<PgDeploymentLease>());
        services.AddHostedService<PgLeaseRenewal>();
        services.RemoveAll<ISendBudgets>();
        services.AddSingleton<PgSendBudgets>();
        services.AddSingleton<ISendBudgets>(sp => sp.GetRequiredService<PgSendBudgets>());
        services.RemoveAll<IOutboxSignals>();
        services.AddSingleton<IOutboxSignals, PgOutboxSignals>();
        services.AddHostedService<PgOutboxListener>();
        return services;
    }
}
