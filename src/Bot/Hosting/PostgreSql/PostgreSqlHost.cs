using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>
/// A host on PostgreSQL (Storage:Provider = PostgreSql): the PostgreSQL stores in place of the LiteDB ones, and the
/// start-up that brings the schema up to date. Several hosts share the database, so nothing here takes a file lock.
/// </summary>
public static class PostgreSqlHost
{
    /// <summary>What <c>pdbot backup</c>, <c>pdbot restore</c> and the console say on PostgreSQL.</summary>
    public const string BackupsByPostgreSql = "База — PostgreSQL: резервные копии делаются средствами PostgreSQL (pg_dump / pg_basebackup), см. README.";

    public static IServiceCollection AddPostgreSqlHost(this IServiceCollection services, string connectionString)
    {
        services.AddPostgreSqlStorage(connectionString);

        // Opening the LiteDB file would take its exclusive lock and put data beside the shared database: a LiteDB-only
        // service left on a PostgreSQL host is a PdBot bug, told at once instead of writing to the wrong store.
        services.RemoveAll<LiteDbStorage>();
        services.AddSingleton<LiteDbStorage>(_ => throw new InvalidOperationException(
            "Хранилище — PostgreSQL (Storage:Provider = PostgreSql), но служба PdBot, работающая только с файлом LiteDB, попыталась открыть его: это ошибка PdBot, сообщите разработчикам."));
        return services;
    }

    /// <summary>Applies the schema migrations this version knows (under the migrator's lock), logging which were applied.</summary>
    public static async Task PrepareAsync(IServiceProvider services, ILogger log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var storage = services.GetRequiredService<PgStorage>();
        IReadOnlyList<PgMigration> applied;
        try
        {
            applied = await new PgMigrator(storage).MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Не удаётся подготовить базу PostgreSQL {Where(storage)}: {ex.Message}", ex);
        }

        var version = PgMigrator.All.Count == 0 ? 0 : PgMigrator.All[^1].Version;
        if (applied.Count == 0)
        {
            log.LogInformation("Storage: PostgreSQL, schema current at version {Version}", version);
        }
        else
        {
            log.LogInformation("Storage: PostgreSQL, applied migrations {Migrations}; schema now at version {Version}", string.Join(", ", applied.Select(m => m.Name)), version);
        }

        // The LiteDB file's encryption check has no twin here: encryption at rest and TLS are the database's.
        log.LogInformation("Storage: PostgreSQL, so encryption at rest and TLS to the server are the database operator's (the LiteDB file check is skipped)");
    }

    /// <summary>Host, port and database of the connection string: never its user or password.</summary>
    public static string Where(PgStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var b = new NpgsqlConnectionStringBuilder(storage.DataSource.ConnectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
