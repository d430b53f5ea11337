using System.CommandLine;
using Npgsql;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot db migrate [--connection STR]</c>: applies the PostgreSQL schema's missing migrations. Exit 0 when the
/// schema is current, 1 when the database refused them, 2 on a usage error (no connection string).
/// </summary>
public static class DbMigrateVerb
{
    public const int Failed = 1;
    public const int Usage = 2;

    public static Command Command(CliConsole console)
    {
        var connection = DbConnection.Option();
        var command = new Command("migrate", "Применить миграции схемы PostgreSQL") { connection };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(connection), parse.UnmatchedTokens, ct));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string? connection, IReadOnlyList<string> configArgs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (DbConnection.Resolve(connection, configArgs) is not { } connectionString)
        {
            await console.Error.WriteLineAsync($"pdbot db migrate: {DbConnection.Missing}.");
            return Usage;
        }

        PgStorage storage;
        try
        {
            storage = new PgStorage(connectionString);
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"pdbot db migrate: строка подключения не разбирается: {ex.Message}");
            return Usage;
        }

        using (storage)
        {
            try
            {
                var migrator = new PgMigrator(storage);
                var applied = await migrator.MigrateAsync(ct);
                var version = migrator.CurrentVersion();
                await console.Out.WriteLineAsync(applied.Count == 0
                    ? $"Схема актуальна (версия {version})."
                    : $"Применены миграции: {string.Join(", ", applied.Select(m => m.Name))}; версия схемы: {version}.");
                return 0;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await console.Error.WriteLineAsync($"pdbot db migrate: миграции не применены: {ex.Message}");
                return Failed;
            }
        }
    }
}
