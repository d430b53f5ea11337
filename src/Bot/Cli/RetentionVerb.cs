using System.CommandLine;
using System.Globalization;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot retention preview [--until YYYY-MM-DD]</c>: read-only, what the retention job will destroy or block up
/// to that clinic date (default: today) if nothing changes before — person, purpose, reason, due date, decision.
/// </summary>
public static class RetentionVerb
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static Command Command(CliConsole console)
    {
        var until = new Option<string?>("--until") { Description = "Последняя дата (местная дата клиники), ГГГГ-ММ-ДД; по умолчанию сегодня" };
        var db = PdBotCli.DbOption();
        var preview = new Command("preview", "Что задание хранения уничтожит или заблокирует до этой даты (ничего не меняет)") { until, db };
        preview.TreatUnmatchedTokensAsErrors = false;
        preview.SetAction((parse, _) => PreviewAsync(console, parse.GetValue(until), parse.GetValue(db), parse.UnmatchedTokens));
        return new Command("retention", "Уничтожение данных после отзыва согласий и по истечении сроков целей (п. 6.2.9–6.2.11 Политики)") { preview };
    }

    public static async Task<int> PreviewAsync(CliConsole console, string? until, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        DateOnly? last = null;
        if (until is not null)
        {
            last = DateOnly.TryParseExact(until.Trim(), "yyyy-MM-dd", Ic, DateTimeStyles.None, out var d) ? d
                : throw new InvalidOperationException($"retention preview --until: дата «{until}» не распознана, нужен формат ГГГГ-ММ-ДД, например 2026-12-15.");
        }

        using var host = CliHost.Build(dbPath, configArgs);
        var retention = host.Services.GetRequiredService<RetentionService>();
        var date = last ?? retention.Today;
        var items = retention.Preview(date);
        var terms = host.Services.GetServices<IPurposeDataSweep>()
            .SelectMany(s => s.Preview(PdBot.Core.Calendar.ClinicTime.EndOfDayUtc(date))).OrderBy(t => t.Due).ToList();
        var o = console.Out;
        if (items.Count == 0 && terms.Count == 0)
        {
            await o.WriteLineAsync($"До {RequestTexts.Date(date)} уничтожать и блокировать нечего.");
            return 0;
        }

        await o.WriteLineAsync($"До {RequestTexts.Date(date)} задание хранения выполнит ({items.Count + terms.Count}):");
        foreach (var t in terms)
        {
            await o.WriteLineAsync(string.Create(Ic,
                $"{RequestTexts.Date(t.Due)}  {t.What}  {(t.PersonId is null ? "" : $"субъект {t.PersonId}  ")}цель «{t.PurposeTitle}»  причина: {t.Reason}  решение: {t.Action}"));
        }

        foreach (var i in items)
        {
            var decision = i.Plan.Kind == RetentionDecisionKind.Destroy
                ? "уничтожение"
                : $"блокирование (сохраняется основание «{i.Plan.KeptBases}»)";
            await o.WriteLineAsync(string.Create(Ic,
                $"{RequestTexts.Date(i.Due)}  запрос № {i.RequestId}  субъект {i.PersonId}  цель «{i.PurposeTitle}»  причина: {Reason(i.Reason)}  решение: {decision}"));
        }

        return 0;
    }

    private static string Reason(string reason) => reason switch
    {
        "unsubscribe" => "отписка от рассылки",
        "menu" => "отзыв согласия в меню",
        "request" => "запрос об отзыве согласия",
        "" => "отзыв согласия",
        _ => reason,
    };
}
