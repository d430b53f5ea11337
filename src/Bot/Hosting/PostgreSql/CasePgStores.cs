using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for incidents, Roskomnadzor requests, unlawful-processing cases: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class CasePgStores
{
    public static IServiceCollection AddCasePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IIncidentStore>();
        services.AddSingleton<PgIncidentStore>();
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<PgIncidentStore>());
        services.RemoveAll<IAuthorityStore>();
        services.AddSingleton<PgAuthorityStore>();
        services.AddSingleton<IAuthorityStore>(sp => sp.GetRequiredService<PgAuthorityStore>());
        services.RemoveAll<IUnlawfulStore>();
        services.AddSingleton<PgUnlawfulStore>();
        services.AddSingleton<IUnlawfulStore>(sp => sp.GetRequiredService<PgUnlawfulStore>());
        services.AddSingleton<IPgCopyTarget, PgCaseCopy>();
        return services;
    }
}
