using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// The schema as versioned SQL files (<c>Migrations/NNNN_name.sql</c>, embedded), applied in order, each in its own
/// transaction, under an advisory lock so that hosts starting together apply each one once. A file already applied must
/// not change: its SHA-256 is stored and compared, and a changed one stops the start (write a new migration instead).
/// </summary>
public sealed class PgMigrator(PgStorage storage)
{
    /// <summary>Any constant shared by every PdBot host: the lock that serialises migrations.</summary>
    private const long MigrationLock = 0x5064426F74_01;

    public static IReadOnlyList<PgMigration> All { get; } = Load();

    /// <summary>Applies the missing migrations; returns those applied now (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<PgMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await Run(connection, null, "SELECT pg_advisory_lock($1)", MigrationLock);
        try
        {
            await Run(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text        NOT NULL,
                    sha256     text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = new Dictionary<int, string>();
            await using (var command = PgTx.Command(connection, null, "SELECT version, sha256 FROM schema_migrations", []))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            var unknown = applied.Keys.Where(v => All.All(m => m.Version != v)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"В базе PostgreSQL применена миграция {unknown.Max()}, которой эта версия PdBot не знает: база обновлена более новой версией.");
            }

            var now = new List<PgMigration>();
            foreach (var migration in All)
            {
                if (applied.TryGetValue(migration.Version, out var sha))
                {
                    if (sha != migration.Sha256)
                    {
                        throw new InvalidOperationException(
                            $"Миграция {migration.Name} изменилась после применения (SHA-256 не совпадает): изменения схемы вносятся новой миграцией.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Run(connection, transaction, migration.Sql);
                await Run(connection, transaction, "INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)", migration.Version, migration.Name, migration.Sha256);
                await transaction.CommitAsync(cancellationToken);
                now.Add(migration);
            }

            return now;
        }
        finally
        {
            await Run(connection, null, "SELECT pg_advisory_unlock($1)", MigrationLock);
        }
    }

    /// <summary>The highest migration applied to the database (0 when none).</summary>
    public int CurrentVersion()
    {
        using var connection = storage.Open();
        using var command = PgTx.Command(connection, null, "SELECT coalesce(max(version), 0) FROM schema_migrations", []);
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static async Task Run(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] args)
    {
        await using var command = PgTx.Command(connection, transaction, sql, args);
        await command.ExecuteNonQueryAsync();
    }

    private static List<PgMigration> Load()
    {
        var assembly = typeof(PgMigrator).Assembly;
        const string prefix = "PdBot.Adapters.PostgreSql.Migrations.";
        var list = new List<PgMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            list.Add(new PgMigration(version, name, sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))));
        }

        var duplicates = list.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicates[0]}.");
        }

        return [.. list.OrderBy(m => m.Version)];
    }
}
