using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>
/// Processing on PostgreSQL, with several hosts on one database: turns commit through <see cref="PgTurnTransactions"/>
/// under the person's claim (<see cref="PgPartitionClaims"/>), which the platform channels' loops take before each turn.
/// </summary>
public static class HostPgServices
{
    public static IServiceCollection AddHostPgServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var processing = sp.GetRequiredService<IOptions<ProcessingOptions>>().Value;
            return new PgPartitionClaims(sp.GetRequiredService<PgStorage>(), sp.GetRequiredService<TimeProvider>(),
                TimeSpan.FromSeconds(processing.HostPollSeconds), TimeSpan.FromSeconds(processing.TakeOverAfterSeconds));
        });
        services.RemoveAll<IPartitionClaims>();
        services.AddSingleton<IPartitionClaims>(sp => sp.GetRequiredService<PgPartitionClaims>());
        services.AddSingleton<PgTurnTransactions>();
        services.RemoveAll<ITurnTransactions>();
        services.AddSingleton<ITurnTransactions>(sp => sp.GetRequiredService<PgTurnTransactions>());
        return services;
    }
}
