using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for incidents, Roskomnadzor requests, unlawful-processing cases: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class CasePgStores
{
    public static IServiceCollection AddCasePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = typeof(PgStorage);
        _ = typeof(ServiceCollectionDescriptorExtensions);
        return services;
    }
}
