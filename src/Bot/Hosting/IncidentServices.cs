using PdBot.Adapters.LiteDb;
using PdBot.Core.Incidents;

namespace PdBot.Bot.Hosting;

/// <summary>The incident register (152-FZ Art. 21 part 3.1): the store, the service, the people affected, the clock worker.</summary>
public static class IncidentServices
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<LiteIncidentStore>();
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<LiteIncidentStore>());
        services.AddSingleton<IncidentService>();
        services.AddSingleton<IncidentClock>();
        services.AddSingleton<AffectedPeople>();
        services.AddSingleton<IncidentClockWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentClockWorker>());
        return services;
    }
}
