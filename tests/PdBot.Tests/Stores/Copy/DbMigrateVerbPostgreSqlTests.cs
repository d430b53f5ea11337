using PdBot.Adapters.PostgreSql;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Stores.Copy;

public sealed class DbMigrateVerbPostgreSqlTests
{
    private static int Latest => PgMigrator.All[^1].Version;

    [Fact]
    public async Task Migrate_applies_every_migration_then_says_the_schema_is_current()
    {
        var connection = PostgreSql.PgServer.CreateDatabase();

        var first = await CliRunner.RunAsync("db", "migrate", "--connection", connection);
        var second = await CliRunner.RunAsync("db", "migrate", "--connection", connection);

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal($"Применены миграции: {string.Join(", ", PgMigrator.All.Select(m => m.Name))}; версия схемы: {Latest}.\n", first.Out);
        Assert.StartsWith("Применены миграции: 0001_core", first.Out, StringComparison.Ordinal);
        Assert.Equal((0, $"Схема актуальна (версия {Latest}).\n", ""), (second.ExitCode, second.Out, second.Error));
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("db", "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("pdbot db migrate: не задана строка подключения: Storage__ConnectionString или --connection.\n", result.Error);
    }

    [Fact]
    public async Task Migrate_against_a_server_that_refuses_fails_with_exit_1()
    {
        var result = await CliRunner.RunAsync("db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=3");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("pdbot db migrate: миграции не применены: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Migrate_refuses_a_database_changed_by_a_newer_pdbot()
    {
        var connection = PostgreSql.PgServer.CreateDatabase();
        await CliRunner.RunAsync("db", "migrate", "--connection", connection);
        using (var storage = new PgStorage(connection))
        {
            storage.Execute("INSERT INTO schema_migrations (version, name, sha256) VALUES (9999, '9999_future', 'x')");
        }

        var result = await CliRunner.RunAsync("db", "migrate", "--connection", connection);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("миграция 9999, которой эта версия PdBot не знает", result.Error, StringComparison.Ordinal);
    }
}
