using System.CommandLine;
using PdBot.Bot.Consents;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot consents export --format csv|json [--out FILE] [--db PATH]</c>.</summary>
public static class ConsentsVerb
{
    public static Command Command(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "csv или json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--out") { Description = "Записать в этот файл вместо стандартного вывода" };
        var db = PdBotCli.DbOption();
        var export = new Command("export", "Выгрузка событий согласий, по строке на событие: дано, отозвано, отказ, нужно подтвердить заново") { format, output, db };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((parse, ct) => ExportAsync(console, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(db), parse.UnmatchedTokens, ct));
        var diagram = new Command("diagram", "Вывести машину состояний согласия в виде диаграммы Mermaid");
        diagram.SetAction(async (_, _) =>
        {
            await console.Out.WriteLineAsync(new ConsentMachine(new ConsentRecord()).ToMermaid());
            return 0;
        });
        return new Command("consents", "Согласия") { export, diagram };
    }

    public static async Task<int> ExportAsync(CliConsole console, string format, string? outPath, string? dbPath, IReadOnlyList<string> configArgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var rows = ConsentEventRow.From(host.Services.GetRequiredService<IAuditLog>().ReadAll());
        if (outPath is null)
        {
            await ConsentExport.WriteAsync(rows, format, console.Out, cancellationToken);
            return 0;
        }

        var count = 0;
        await using (var file = new StreamWriter(outPath, append: false, new System.Text.UTF8Encoding(false)))
        {
            count = await ConsentExport.WriteAsync(rows, format, file, cancellationToken);
        }

        await console.Error.WriteLineAsync($"Событий согласий записано: {count}, файл {outPath}");
        return 0;
    }
}
