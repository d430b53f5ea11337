using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Hosting;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Audit;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot restore --from FILE</c>: replaces the stopped store with a checked backup, keeping the replaced file
/// (<see cref="StoreRestore"/>). Refused while the host runs. Exit 0 when restored, 2 when refused (nothing changed).
/// </summary>
public static class RestoreVerb
{
    public const int Refused = 2;

    public static Command Command(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "Файл резервной копии" };
        var db = PdBotCli.DbOption();
        var command = new Command("restore", "Восстановить базу из резервной копии (хост должен быть остановлен)") { from, db };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, _) => RunAsync(console, parse.GetValue(from), parse.GetValue(db), parse.UnmatchedTokens));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string? from, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (CliHost.IsLive)
        {
            // Came in through the control socket: the host that would lose its store under it is this one.
            await console.Error.WriteLineAsync($"pdbot restore: {StoreRestore.HostRunning}");
            return Refused;
        }

        if (PdBotConfiguration.Storage(configArgs, dbPath).IsPostgreSql)
        {
            await console.Error.WriteLineAsync($"pdbot restore: {PostgreSqlHost.BackupsByPostgreSql}");
            return Refused;
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            await console.Error.WriteLineAsync("pdbot restore: укажите файл копии: --from ФАЙЛ.");
            return Refused;
        }

        using var host = CliHost.Build(dbPath, configArgs);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = host.Services.GetRequiredService<TimeProvider>();
        RestoreResult restored;
        try
        {
            restored = StoreRestore.Run(storage.Path, storage.Password, from, time.GetUtcNow().UtcDateTime);
        }
        catch (BackupRefusedException ex)
        {
            await console.Error.WriteLineAsync($"pdbot restore: {ex.Message}");
            return Refused;
        }

        await console.Out.WriteLineAsync($"База {Path.GetFullPath(storage.Path)} восстановлена из {Path.GetFullPath(from)}: {BackupTexts.Contents(restored.Check)}.");
        await console.Out.WriteLineAsync(restored.ReplacedFile is { } replaced
            ? $"Прежняя база сохранена как {replaced}."
            : "Прежней базы не было.");
        try
        {
            await AuditAsync(host.Services, from, restored, time);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // A host started in the moment since the lock was released: the restore stands, only its record is missing.
            await console.Error.WriteLineAsync($"pdbot restore: восстановление выполнено, но запись о нём в журнал аудита не сделана: {ex.Message}");
        }

        return 0;
    }

    /// <summary>The restored store's own trail records the restore; opening it here also takes its lock again.</summary>
    private static async Task AuditAsync(IServiceProvider services, string from, RestoreResult restored, TimeProvider time)
    {
        await services.GetRequiredService<IAuditLog>().AppendAsync(
        [
            new AuditEntry
            {
                TimeUtc = time.GetUtcNow().UtcDateTime,
                Kind = BackupEvents.Kind,
                Event = BackupEvents.Restored,
                Channel = BackupEvents.Channel,
                Actor = "cli",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"from={Path.GetFullPath(from)}; replaced={restored.ReplacedFile ?? "none"}; persons={restored.Check.Persons}; consents={restored.Check.Consents}; audit={restored.Check.AuditEntries}"),
            },
        ]);
    }
}
