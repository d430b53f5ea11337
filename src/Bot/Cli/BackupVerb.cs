using System.CommandLine;
using PdBot.Adapters.Backup;
using PdBot.Bot.Hosting;
using PdBot.Bot.Hosting.PostgreSql;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot backup --out FILE [--force]</c>: a consistent, checked copy of the store (policy 5.4.3(14)); inside the
/// running host when one listens on the control socket. Exit 0 when the copy is made and intact, 1 when its check
/// failed (the bad copy is deleted), 2 when refused.
/// </summary>
public static class BackupVerb
{
    public const int CheckFailed = 1;
    public const int Refused = 2;

    public static Command Command(CliConsole console)
    {
        var output = new Option<string?>("--out") { Description = "Файл резервной копии" };
        var force = new Option<bool>("--force") { Description = "Заменить существующий файл" };
        var db = PdBotCli.DbOption();
        var command = new Command("backup", "Резервная копия базы с проверкой (п. 5.4.3(14) Политики)") { output, force, db };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(output), parse.GetValue(force), parse.GetValue(db), parse.UnmatchedTokens, ct));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string? file, bool force, string? dbPath, IReadOnlyList<string> configArgs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!CliHost.IsLive && PdBotConfiguration.Storage(configArgs, dbPath).IsPostgreSql)
        {
            await console.Error.WriteLineAsync($"pdbot backup: {PostgreSqlHost.BackupsByPostgreSql}");
            return Refused;
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            await console.Error.WriteLineAsync("pdbot backup: укажите файл копии: --out ФАЙЛ.");
            return Refused;
        }

        using var host = CliHost.Build(dbPath, configArgs);
        BackupResult made;
        try
        {
            made = await host.Services.GetRequiredService<StoreBackup>().MakeAsync(file, force, daily: false, ct);
        }
        catch (BackupRefusedException ex)
        {
            await console.Error.WriteLineAsync($"pdbot backup: {ex.Message}");
            return Refused;
        }

        if (!made.Check.IsIntact)
        {
            await console.Error.WriteLineAsync(
                $"pdbot backup: резервная копия не создана: {made.Check.Problem}. Неудавшаяся копия удалена, в {made.File} ничего не записано; база не изменена.");
            return CheckFailed;
        }

        await console.Out.WriteLineAsync(
            $"Резервная копия {made.File} создана ({BackupTexts.Size(made.SizeBytes)}): {BackupTexts.Contents(made.Check)}; "
            + $"копирование заняло {BackupTexts.Seconds(made.CopyTook)}, проверка заняла {BackupTexts.Seconds(made.Check.Took)}.");
        return 0;
    }
}
