using System.CommandLine;
using Microsoft.Extensions.Options;
using Npgsql;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.PostgreSql.Copy;
using PdBot.Bot.Hosting.PostgreSql;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot db copy --to postgres [--db FILE] [--connection STR]</c>: moves a stopped LiteDB store into an empty
/// PostgreSQL database (<see cref="PgCopy"/>) and prints the check. The copy targets are the PostgreSQL stores' own
/// (<see cref="IPgCopyTarget"/> registrations of a service provider built with Storage:Provider = PostgreSql). Exit 0
/// when everything copied matches, 1 when the copy failed or does not match, 2 when refused (nothing copied).
/// </summary>
public static class DbCopyVerb
{
    public const int Failed = 1;
    public const int Refused = 2;

    public static Command Command(CliConsole console)
    {
        var to = new Option<string?>("--to") { Description = "Куда копировать: postgres" };
        var db = PdBotCli.DbOption();
        var connection = DbConnection.Option();
        var command = new Command("copy", "Перенести базу LiteDB в пустую базу PostgreSQL (хост должен быть остановлен)") { to, db, connection };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(to), parse.GetValue(db), parse.GetValue(connection), parse.UnmatchedTokens, ct: ct));
        return command;
    }

    /// <param name="services">Registrations added after the host's (tests add copy targets of their own).</param>
    public static async Task<int> RunAsync(
        CliConsole console, string? to, string? dbPath, string? connection, IReadOnlyList<string> configArgs,
        Action<IServiceCollection>? services = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(configArgs);
        if (CliHost.IsLive)
        {
            // Came in through the control socket: the host that still writes the store is the one asking.
            return await RefuseAsync(console, LiteCopySource.HostRunning);
        }

        if (!string.Equals(to, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(console, "укажите, куда копировать: --to postgres.");
        }

        if (DbConnection.Resolve(connection, configArgs) is not { } connectionString)
        {
            return await RefuseAsync(console, DbConnection.Missing + ".");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return await RefuseAsync(console, $"строка подключения не разбирается: {ex.Message}");
        }

        // Storage:Provider = PostgreSql: the PostgreSQL stores and their copy targets replace the LiteDB ones, so no
        // LiteDB file is opened through the services; the source file is opened below, read-only, under its lock.
        string[] storage = ["--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connectionString, .. dbPath is null ? Array.Empty<string>() : ["--Storage:Path", dbPath]];
        using var host = CliHost.Build(null, [.. configArgs, .. storage], services);
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        try
        {
            using var source = LiteCopySource.Open(options.Path, options.Password);
            return await CopyAsync(console, source, host.Services, ct);
        }
        catch (PgCopyRefusedException ex)
        {
            return await RefuseAsync(console, ex.Message);
        }
    }

    private static async Task<int> CopyAsync(CliConsole console, LiteCopySource source, IServiceProvider services, CancellationToken ct)
    {
        var storage = services.GetRequiredService<PgStorage>();
        PgCopy copy;
        try
        {
            await new PgMigrator(storage).MigrateAsync(ct);
            copy = new PgCopy(source.Database, storage, services.GetServices<IPgCopyTarget>());
            if (copy.NonEmptyTables() is { Count: > 0 } full)
            {
                return await RefuseAsync(console, $"база PostgreSQL не пуста (есть строки в {string.Join(", ", full)}): копировать можно только в пустую базу. Ничего не скопировано.");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await console.Error.WriteLineAsync($"pdbot db copy: база PostgreSQL не готова: {ex.Message}");
            return Failed;
        }

        if (copy.Uncovered() is { Count: > 0 } left)
        {
            await console.Error.WriteLineAsync(
                $"pdbot db copy: коллекции LiteDB {string.Join(", ", left)} не копирует ни одно хранилище PostgreSQL: копирование не начато, чтобы ничего не осталось позади.");
            return Failed;
        }

        await console.Out.WriteLineAsync($"Копирование {source.FilePath} в PostgreSQL ({PostgreSqlHost.Where(storage)})…");
        try
        {
            await copy.CopyAsync(ct);
        }
#pragma warning disable CA1031 // A target fails in many ways (the database, a document that does not map); each rolls the whole copy back.
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"pdbot db copy: копирование не выполнено, база PostgreSQL осталась пустой: {ex.GetType().Name}: {ex.Message}");
            return Failed;
        }

        var report = copy.Verify();
        foreach (var line in PgCopyText.Lines(report))
        {
            await console.Out.WriteLineAsync(line);
        }

        return report.IsIntact ? 0 : Failed;
    }

    private static async Task<int> RefuseAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync($"pdbot db copy: {message}");
        return Refused;
    }
}
