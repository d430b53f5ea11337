using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.PostgreSql.Copy;
using PdBot.Bot.Cli;
using PdBot.Core.Audit;
using PdBot.Tests.Cli;
using PdBot.Tests.Hosting;

namespace PdBot.Tests.Stores.Copy;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DbCopyVerbPostgreSqlTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Copy_prints_each_collection_with_both_counts_and_the_chain_and_exits_0()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 2);
        var connection = await CopyStores.MigratedAsync();

        var (code, output, error) = await CopyStores.RunCopyAsync(Db, connection, [], OnlyWidgets);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Matches(@"widgets → widgets\s+2\s+2\s+✓", output);
        Assert.Matches(@"audit → audit\s+2\s+2\s+✓", output);
        Assert.Contains("Цепочка аудита в LiteDB: цела, записей — 2; в PostgreSQL: цела, записей — 2.", output, StringComparison.Ordinal);
        Assert.Contains("Вершины цепочек совпадают: запись № 2", output, StringComparison.Ordinal);
        Assert.Contains("Итог: копия совпадает с базой LiteDB, цепочка аудита цела.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_target_with_rows_is_refused_and_left_as_it_was()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1);
        var connection = await CopyStores.MigratedAsync();
        using var target = new PgStorage(connection);
        await new PgAuditLog(target).AppendAsync([new AuditEntry { TimeUtc = CopyStores.Time, Kind = "test", Event = "earlier", Channel = "test", Actor = "test" }]);

        var (code, output, error) = await CopyStores.RunCopyAsync(Db, connection, [], OnlyWidgets);

        Assert.Equal(DbCopyVerb.Refused, code);
        Assert.Equal("", output);
        Assert.StartsWith("pdbot db copy: база PostgreSQL не пуста (есть строки в audit, audit_head)", error, StringComparison.Ordinal);
        Assert.Equal(["earlier"], new PgAuditLog(target).ReadAll().Select(e => e.Event));
        Assert.Empty(target.Query("SELECT id FROM widgets", r => r.GetString(0)));
    }

    [Fact]
    public async Task Copy_is_refused_while_another_process_holds_the_store_and_the_target_is_not_touched()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1);
        var connection = PostgreSql.PgServer.CreateDatabase();
        using var held = new LiteDbStorage(new StorageOptions { Path = Db });

        var (code, _, error) = await CopyStores.RunCopyAsync(Db, connection, [], OnlyWidgets);

        Assert.Equal(DbCopyVerb.Refused, code);
        Assert.StartsWith("pdbot db copy: Хост работает: остановите его перед копированием.", error, StringComparison.Ordinal);
        using var target = new PgStorage(connection);
        Assert.Equal(0, new PgMigrator(target).CurrentVersion());
    }

    [Fact]
    public async Task Copy_is_refused_while_the_host_runs_on_the_store()
    {
        var connection = PostgreSql.PgServer.CreateDatabase();
        await using var host = await BareTestHost.StartAsync(Db);

        var result = await CliRunner.RunAsync("db", "copy", "--to", "postgres", "--db", Db, "--connection", connection);

        Assert.Equal(DbCopyVerb.Refused, result.ExitCode);
        Assert.StartsWith("pdbot db copy: Хост работает: остановите его перед копированием.", result.Error, StringComparison.Ordinal);
        using var target = new PgStorage(connection);
        Assert.Equal(0, new PgMigrator(target).CurrentVersion());
    }

    [Fact]
    public async Task A_collection_no_store_copies_is_named_and_nothing_is_copied()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1);
        await CopyStores.AddStrayAsync(Db, "stray_things");
        var connection = await CopyStores.MigratedAsync();

        var (code, output, error) = await CopyStores.RunCopyAsync(Db, connection, [], OnlyWidgets);

        Assert.Equal(DbCopyVerb.Failed, code);
        Assert.Equal("", output);
        Assert.Equal("pdbot db copy: коллекции LiteDB stray_things не копирует ни одно хранилище PostgreSQL: копирование не начато, чтобы ничего не осталось позади.\n", error);
        using var target = new PgStorage(connection);
        Assert.Null(new PgAuditLog(target).Head());
    }

    [Fact]
    public async Task Copy_without_a_destination_or_a_connection_string_is_a_usage_error()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1);

        var noDestination = await CliRunner.RunAsync("db", "copy", "--db", Db, "--connection", "Host=127.0.0.1");
        var noConnection = await CliRunner.RunAsync("db", "copy", "--to", "postgres", "--db", Db);

        Assert.Equal((2, "pdbot db copy: укажите, куда копировать: --to postgres.\n"), (noDestination.ExitCode, noDestination.Error));
        Assert.Equal((2, "pdbot db copy: не задана строка подключения: Storage__ConnectionString или --connection.\n"), (noConnection.ExitCode, noConnection.Error));
    }

    /// <summary>Only the test's own target, so the test holds whichever store targets are registered.</summary>
    private static void OnlyWidgets(IServiceCollection services)
    {
        services.RemoveAll<IPgCopyTarget>();
        services.AddSingleton<IPgCopyTarget, WidgetCopyTarget>();
    }
}
