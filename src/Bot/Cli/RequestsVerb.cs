using System.CommandLine;
using System.Globalization;
using PdBot.Core.Calendar;
using PdBot.Core.Labels;
using PdBot.Core.Requests;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot requests list|show|confirm-identity|extend|approve|refuse|block|unblock|diagram</c>: the operator's queue of subject
/// requests and the actions on it. An action the request's state or the law does not allow prints the reason to
/// standard error and exits 1. Document numbers are only ever printed masked.
/// </summary>
public static class RequestsVerb
{
    public const int Refused = 1;

    private const string Iso = "yyyy-MM-dd";
    private const string DefaultActor = "cli";
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static Command Command(CliConsole console)
    {
        var diagram = new Command("diagram", "Схема состояний запроса (диаграмма Mermaid)");
        diagram.SetAction(async (_, _) =>
        {
            await console.Out.WriteLineAsync(new RequestMachine(new SubjectRequest(), extensionAllowed: true).ToMermaid());
            return 0;
        });
        return new Command("requests", "Запросы субъектов (ст. 14, 20, 21 152-ФЗ): очередь и действия оператора")
        {
            ListCommand(console),
            ShowCommand(console),
            Act(console, "confirm-identity", "Личность подтверждена (подпись лично или письмо с электронной подписью)", false, false,
                (s, id, a) => s.ConfirmIdentityAsync(id, a.By, a.Ct)),
            Act(console, "extend", "Продлить срок один раз, на 1–5 рабочих дней, с причиной, которая отправляется субъекту", true, true,
                (s, id, a) => s.ExtendAsync(id, a.Reason ?? "", a.By, a.Days, a.Ct)),
            Act(console, "approve", "Одобрить: запрос исполняется (уничтожение, блокировка, прекращение, исправление с --set) и ответ отправляется", false, false,
                (s, id, a) => s.ApproveAsync(id, a.By, null, a.Corrections, a.Ct)),
            Act(console, "refuse", "Отказать с причиной, которая отправляется субъекту", true, false,
                (s, id, a) => s.RefuseAsync(id, a.Reason ?? "", a.By, a.Ct)),
            Act(console, "block", "Заблокировать данные субъекта на время проверки", false, false,
                (s, id, a) => s.BlockAsync(id, a.By, a.Ct)),
            Act(console, "unblock", "Снять блокировку после проверки", false, false,
                (s, id, a) => s.UnblockAsync(id, a.By, a.Ct)),
            diagram,
        };
    }

    public static async Task<int> ListAsync(CliConsole console, string? dueWithin, bool all, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        int? limit = dueWithin is null ? null : ParseInt(dueWithin, "list --due-within N: нужно целое число рабочих дней");
        using var host = CliHost.Build(dbPath, configArgs);
        var service = Service(host);
        var requests = all
            ? [.. service.All()]
            : service.Queue().Where(r => r.ReceivedAtUtc is not null).ToList();
        var rows = requests
            .Select(r => (Request: r, Left: r.IsOpen && r.DueDate is not null ? Guard(() => service.WorkingDaysLeft(r)) : (int?)null))
            .Where(x => limit is null || x.Left <= limit)
            .OrderBy(x => x.Request.DueDate ?? DateOnly.MaxValue).ThenBy(x => x.Request.Id);
        await console.Out.WriteLineAsync(Row("№", "тип", "состояние", "получен", "срок", "осталось", "отметки"));
        foreach (var (r, left) in rows)
        {
            var flags = string.Join(", ", new[] { r.DueIsProvisional ? "срок предварительный" : null, r.ProposedRefusal is null ? null : "подготовлен отказ", Blocked(service, r) }.OfType<string>());
            await console.Out.WriteLineAsync(Row(r.Id.ToString(Ic), RussianLabels.Type(r.Type), RussianLabels.State(r.State), Received(r), Date(r.DueDate),
                left?.ToString(Ic) ?? "-", flags));
        }

        return 0;
    }

    public static async Task<int> ShowAsync(CliConsole console, string? id, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        var number = ParseId("show", id);
        using var host = CliHost.Build(dbPath, configArgs);
        var service = Service(host);
        if (service.Find(number) is not { } r)
        {
            await console.Error.WriteLineAsync($"Запроса № {number} нет.");
            return Refused;
        }

        var o = console.Out;
        var person = service.PersonOf(r);
        await o.WriteLineAsync($"запрос № {r.Id}: {RequestTexts.Title(r.Type)}");
        await o.WriteLineAsync($"состояние: {RussianLabels.State(r.State)}");
        await o.WriteLineAsync($"субъект:   {r.PersonId}{(person is { Blocked: true } ? " (данные заблокированы)" : "")}{(person?.ErasedAtUtc is null ? "" : " (данные уничтожены)")}");
        await o.WriteLineAsync($"получен:   {Received(r)}");
        var left = r.IsOpen && r.DueDate is not null ? string.Create(Ic, $" (осталось рабочих дней: {Guard(() => service.WorkingDaysLeft(r))})") : "";
        await o.WriteLineAsync($"срок:      {Date(r.DueDate)}{left}{(r.DueIsProvisional ? " предварительный календарь" : "")}");
        await Line(o, "продлён", r.ExtensionReason is null ? null : $"с {Date(r.OriginalDueDate)}: {r.ExtensionReason}");
        await o.WriteLineAsync($"документ:  {r.MaskedDocument}");
        await Line(o, "связь с клиникой", r.Relation);
        await Line(o, "заявление", r.Statement);
        await Line(o, "цель", r.PurposeId is null ? null : CatalogTitle(host, r.PurposeId));
        await Line(o, "подготовлен отказ", r.ProposedRefusal);
        await Line(o, "отказ", r.RefusalReason);
        await Line(o, "закрыт", r.CloseReason);
        await o.WriteLineAsync("история:");
        foreach (var h in r.History)
        {
            await o.WriteLineAsync(string.Create(Ic, $"  {h.TimeUtc:yyyy-MM-dd HH:mm} UTC  {RussianLabels.Action(h.Action)}  ({RussianLabels.Actor(h.Actor)}){(h.Note is null ? "" : ": " + RussianLabels.Detail(h.Note))}"));
        }

        var (label, answer) = r.AnswerText is not null ? ("ответ (отправлен)", r.AnswerText)
            : service.MachineFor(r).CanFire(RequestTrigger.Answer) ? ("ответ (подготовлен, отправляется при одобрении)", service.PrepareAnswer(r))
            : (null, null);
        if (label is not null)
        {
            await o.WriteLineAsync($"{label}:");
            await o.WriteLineAsync(answer);
        }

        return 0;
    }

    private static Command ListCommand(CliConsole console)
    {
        var within = new Option<string?>("--due-within") { Description = "Только те, у которых осталось не больше N рабочих дней (с просроченными)" };
        var all = new Option<bool>("--all") { Description = "Также отвеченные, отклонённые и незаполненные запросы" };
        var db = PdBotCli.DbOption();
        var list = new Command("list", "Открытые запросы: сначала ближайший срок, с числом оставшихся рабочих дней") { within, all, db };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parse, _) => ListAsync(console, parse.GetValue(within), parse.GetValue(all), parse.GetValue(db), parse.UnmatchedTokens));
        return list;
    }

    private static Command ShowCommand(CliConsole console)
    {
        var id = IdArgument();
        var db = PdBotCli.DbOption();
        var show = new Command("show", "Один запрос: даты, скрытый номер документа, история и подготовленный ответ") { id, db };
        show.TreatUnmatchedTokensAsErrors = false;
        show.SetAction((parse, _) => ShowAsync(console, parse.GetValue(id), parse.GetValue(db), parse.UnmatchedTokens));
        return show;
    }

    private static Command Act(CliConsole console, string name, string description, bool withReason, bool withDays,
        Func<RequestService, long, ActArgs, Task<RequestResult>> act)
    {
        var id = IdArgument();
        var by = new Option<string?>("--by") { Description = $"Кто действует, для журнала аудита (по умолчанию: {DefaultActor})" };
        var reason = new Option<string?>("--reason") { Description = "Причина; она отправляется субъекту" };
        var days = new Option<string?>("--days") { Description = $"На сколько рабочих дней продлить, 1–{DeadlineTable.MaxExtensionWorkingDays} (по умолчанию {DeadlineTable.MaxExtensionWorkingDays})" };
        var set = new Option<string[]>("--set") { Description = $"Исправление: поле=новое значение, можно повторять; поля: {string.Join(", ", CorrectionFields.All)}", AllowMultipleArgumentsPerToken = false };
        var db = PdBotCli.DbOption();
        var command = new Command(name, description) { id, by, db };
        if (name == "approve")
        {
            command.Add(set);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        if (withReason)
        {
            command.Add(reason);
        }

        if (withDays)
        {
            command.Add(days);
        }

        command.SetAction(async (parse, ct) =>
        {
            var number = ParseId(name, parse.GetValue(id));
            var extendBy = withDays && parse.GetValue(days) is { } d ? ParseInt(d, "extend --days N: нужно целое число рабочих дней") : DeadlineTable.MaxExtensionWorkingDays;
            var actor = parse.GetValue(by) is { } b && !string.IsNullOrWhiteSpace(b) ? b.Trim() : DefaultActor;
            var args = new ActArgs(actor, withReason ? parse.GetValue(reason) : null, extendBy, Corrections(parse.GetValue(set)), ct);
            using var host = CliHost.Build(parse.GetValue(db), parse.UnmatchedTokens);
            var result = await act(Service(host), number, args);
            await (result.Ok ? console.Out : console.Error).WriteLineAsync(result.Message);
            return result.Ok ? 0 : Refused;
        });
        return command;
    }

    private static string? Blocked(RequestService service, SubjectRequest r) => service.PersonOf(r) is { Blocked: true } ? "заблокирован" : null;

    private static string CatalogTitle(CliServices host, string purposeId) =>
        host.Services.GetRequiredService<PdBot.Core.Consent.ConsentCatalog>().Find(purposeId)?.Title ?? purposeId;

    private static Argument<string?> IdArgument() => new("id") { Description = "Номер запроса", Arity = ArgumentArity.ZeroOrOne };

    private static RequestService Service(CliServices host) => host.Services.GetRequiredService<RequestService>();

    private static long ParseId(string verb, string? id) =>
        long.TryParse(id, NumberStyles.None, Ic, out var n) && n > 0 ? n
        : throw new InvalidOperationException($"requests {verb}: нужен номер запроса, например requests {verb} 12 ({(id is null ? "номер не указан" : $"получено «{id}»")}).");

    private static int ParseInt(string value, string problem) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, Ic, out var n) ? n : throw new InvalidOperationException($"requests {problem} (получено «{value}»).");

    // Russian labels have spaces in them: columns are at least two spaces apart, wide enough for the longest label.
    private static readonly int TypeWidth = Enum.GetValues<RequestType>().Max(t => RussianLabels.Type(t).Length);
    private static readonly int StateWidth = Enum.GetValues<RequestState>().Max(s => RussianLabels.State(s).Length);

    private static string Row(string id, string type, string state, string received, string due, string left, string flags) =>
        string.Join("  ", id.PadRight(5), type.PadRight(TypeWidth), state.PadRight(StateWidth), received.PadRight(10), due.PadRight(10), left.PadLeft(8), flags).TrimEnd();

    private static string Date(DateOnly? d) => d?.ToString(Iso, Ic) ?? "-";

    private static string Received(SubjectRequest r) =>
        r.ReceivedAtUtc is { } at ? Date(ClinicTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))) : "-";

    private static Task Line(TextWriter o, string label, string? value) =>
        value is null ? Task.CompletedTask : o.WriteLineAsync($"{label + ":",-10} {value}");

    /// <summary>A due date in a year without calendar data is the operator's to load: the CLI's one-line error, exit 2.</summary>
    private static T Guard<T>(Func<T> count)
    {
        try
        {
            return count();
        }
        catch (CalendarYearMissingException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    private static Dictionary<string, string>? Corrections(string[]? set) =>
        set is null || set.Length == 0 ? null : set.Select(pair => pair.Split('=', 2)).ToDictionary(
            // The malformed token is not echoed: it may be the corrected value itself (a document number).
            kv => kv.Length == 2 ? kv[0].Trim() : throw new InvalidOperationException($"requests approve --set: нужно поле=значение, например --set relation=\"договор № 78\"."),
            kv => kv[1], StringComparer.Ordinal);

    private sealed record ActArgs(string By, string? Reason, int Days, IReadOnlyDictionary<string, string>? Corrections, CancellationToken Ct);
}
