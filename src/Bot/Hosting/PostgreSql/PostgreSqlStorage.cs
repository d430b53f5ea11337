using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>
/// Storage:Provider = PostgreSql: the PostgreSQL stores replace the LiteDB ones registered before (RemoveAll, then
/// add); the LiteDB registrations that stay are never resolved, so no LiteDB file is opened.
/// </summary>
public static class PostgreSqlStorage
{
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new PgStorage(connectionString));
        services.AddSingleton<PgAuditLog>();
        services.AddCorePgStores();
        services.AddRequestPgStores();
        services.AddPurposePgStores();
        services.AddCasePgStores();
        services.AddHostPgServices();
        return services;
    }
}
