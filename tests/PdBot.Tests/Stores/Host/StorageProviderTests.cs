using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Tests.Cli;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Host;

/// <summary>Storage:Provider: its checks at start, and what a LiteDB-only feature does on PostgreSQL.</summary>
public sealed class StorageProviderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(null, StorageProvider.LiteDb)]
    [InlineData("LiteDb", StorageProvider.LiteDb)]
    [InlineData("postgresql", StorageProvider.PostgreSql)]
    public void The_provider_is_read_by_name_and_LiteDb_is_the_default(string? provider, StorageProvider expected) =>
        Assert.Equal(expected, new StorageOptions { Provider = provider, ConnectionString = "Host=db" }.Resolve());

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void An_unknown_provider_is_refused_in_Russian(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StorageOptions { Provider = provider }.Resolve());

        Assert.Contains($"Storage:Provider = «{provider}»: такого хранилища нет", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_in_Russian()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StorageOptions { Provider = "PostgreSql", ConnectionString = " " }.Resolve());

        Assert.Contains("строка подключения не задана", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage__ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_with_an_unknown_provider_exits_2_with_the_error()
    {
        var result = await CliRunner.RunAsync("audit", "verify", "--Storage:Provider=Oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pdbot: Storage:Provider = «Oracle»: такого хранилища нет", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_whose_server_cannot_be_reached_exits_2_with_one_line_and_no_password()
    {
        var result = await CliRunner.RunAsync(
            "audit", "verify", "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Username=pdbot;Password=secret-word;Timeout=2");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pdbot: ошибка PostgreSQL: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_host_does_not_start_on_PostgreSql_without_a_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServeVerb.BuildApp(["--Storage:Provider", "PostgreSql", "--Storage:Path", _tmp.File("pdbot.db")]));

        Assert.Contains("строка подключения не задана", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup", "--out")]
    [InlineData("restore", "--from")]
    public async Task Backup_and_restore_on_PostgreSql_exit_2_and_point_to_PostgreSQL_tools(string verb, string file)
    {
        var result = await CliRunner.RunAsync(verb, file, _tmp.File("copy.db"), "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Port=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"pdbot {verb}: База — PostgreSQL: резервные копии делаются средствами PostgreSQL (pg_dump / pg_basebackup), см. README.",
            result.Error.Trim());
        Assert.False(File.Exists(_tmp.File("copy.db")));
    }

    [Fact]
    public void Nothing_on_PostgreSql_may_open_the_LiteDB_file()
    {
        using var services = Services(PgServer.CreateDatabase());

        var error = Assert.Throws<InvalidOperationException>(services.GetRequiredService<LiteDbStorage>);

        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_tmp.File("pdbot.db")));
        Assert.False(File.Exists(_tmp.File("pdbot.db.lock")));
    }

    [Fact]
    public async Task The_start_applies_every_migration_once()
    {
        var connection = PgServer.CreateDatabase();
        using var services = Services(connection);

        await PostgreSqlHost.PrepareAsync(services, NullLogger.Instance, default);
        await PostgreSqlHost.PrepareAsync(services, NullLogger.Instance, default);

        var storage = services.GetRequiredService<PgStorage>();
        Assert.Equal(
            PgMigrator.All.Select(m => m.Version),
            storage.Query("SELECT version FROM schema_migrations ORDER BY version", r => r.GetInt32(0)));
    }

    [Fact]
    public async Task A_database_the_migrator_refuses_stops_the_start_with_its_Russian_message()
    {
        var connection = PgServer.CreateDatabase();
        using var services = Services(connection);
        var storage = services.GetRequiredService<PgStorage>();
        await new PgMigrator(storage).MigrateAsync();
        storage.Execute("INSERT INTO schema_migrations (version, name, sha256) VALUES (9999, '9999_future', 'x')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PdBotServices.PrepareAsync(services, default));

        Assert.Contains("применена миграция 9999, которой эта версия PdBot не знает", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_stops_the_start_without_the_password()
    {
        using var services = Services("Host=127.0.0.1;Port=1;Database=pdbot;Username=pdbot;Password=secret-word;Timeout=2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PdBotServices.PrepareAsync(services, default));

        Assert.StartsWith("Не удаётся подготовить базу PostgreSQL 127.0.0.1:1/pdbot:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_cookie_protected_by_one_host_is_read_by_another_on_the_same_database()
    {
        var connection = PgServer.CreateDatabase();
        using (var storage = new PgStorage(connection))
        {
            await new PgMigrator(storage).MigrateAsync();
        }

        await using var first = ServeVerb.BuildApp(PgArgs(connection));
        await using var second = ServeVerb.BuildApp(PgArgs(connection));
        var cookie = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("admin");

        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie);

        Assert.Equal("admin", read);
        Assert.False(Directory.Exists(_tmp.File("keys")));
        using var check = new PgStorage(connection);
        Assert.Equal(1L, check.Query("SELECT count(*) FROM dataprotection_keys", r => r.GetInt64(0))[0]);
    }

    private string[] PgArgs(string connection) =>
        ["--urls", "http://127.0.0.1:0", "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection, "--Storage:Path", _tmp.File("pdbot.db")];

    private ServiceProvider Services(string connection)
    {
        var config = new ConfigurationBuilder();
        PdBotConfiguration.AddSources(config, []);
        config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Storage:Path"] = _tmp.File("pdbot.db"),
        });
        var configuration = config.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPdBot(configuration);
        return services.BuildServiceProvider();
    }
}
