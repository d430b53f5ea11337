using System.CommandLine;
using System.Globalization;
using PdBot.Bot.Admin;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot mailings list|show ID</c>: the clinic's mailings with their state and, for one, every field and the
/// statistics from its delivery ledger. An unknown mailing prints a Russian error and exits 1.
/// </summary>
public static class MailingsVerb
{
    public const int NotFound = 1;

    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    public static Command Command(CliConsole console)
    {
        var listDb = PdBotCli.DbOption();
        var list = new Command("list", "Все рассылки, новые сверху: состояние, тема, каналы, вид, время отправки (МСК), получателей/отправлено") { listDb };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parse, _) => ListAsync(console, parse.GetValue(listDb), parse.UnmatchedTokens));

        var id = new Argument<string?>("id") { Description = "Номер рассылки", Arity = ArgumentArity.ZeroOrOne };
        var showDb = PdBotCli.DbOption();
        var show = new Command("show", "Одна рассылка: все поля, текст и статистика доставки") { id, showDb };
        show.TreatUnmatchedTokensAsErrors = false;
        show.SetAction((parse, _) => ShowAsync(console, parse.GetValue(id), parse.GetValue(showDb), parse.UnmatchedTokens));
        return new Command("mailings", "Рассылки клиники (только просмотр; составляют и отправляют их в консоли или через API)") { list, show };
    }

    public static async Task<int> ListAsync(CliConsole console, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var store = host.Services.GetRequiredService<IMailingStore>();
        var service = host.Services.GetRequiredService<MailingService>();
        var mailings = store.All();
        if (mailings.Count == 0)
        {
            await console.Out.WriteLineAsync("Рассылок нет.");
            return 0;
        }

        await console.Out.WriteLineAsync(Row("№", "состояние", "тема", "каналы", "вид", "отправка", "получателей/отправлено"));
        foreach (var m in mailings)
        {
            var sent = store.Deliveries(m.Id, MailingDeliveryState.Sent).Count;
            await console.Out.WriteLineAsync(Row(m.Id.ToString(Ic), MailingService.StateTitle(m.State), Topic(service, m.Topic), Channels(m), Kind(m.Kind),
                SendAt(m), string.Create(Ic, $"{m.Recipients}/{sent}")));
        }

        return 0;
    }

    public static async Task<int> ShowAsync(CliConsole console, string? id, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        var number = long.TryParse(id, NumberStyles.None, Ic, out var n) && n > 0 ? n
            : throw new InvalidOperationException($"mailings show: нужен номер рассылки, например mailings show 3 ({(id is null ? "номер не указан" : $"получено «{id}»")}).");
        using var host = CliHost.Build(dbPath, configArgs);
        var store = host.Services.GetRequiredService<IMailingStore>();
        var service = host.Services.GetRequiredService<MailingService>();
        if (store.Find(number) is not { } m)
        {
            await console.Error.WriteLineAsync($"Рассылки № {number} нет.");
            return NotFound;
        }

        var o = console.Out;
        await o.WriteLineAsync($"рассылка № {m.Id}: {MailingService.StateTitle(m.State)}");
        await Line(o, "тема", Topic(service, m.Topic));
        await Line(o, "каналы", Channels(m));
        await Line(o, "вид", Kind(m.Kind));
        await Line(o, "отправка", SendAt(m));
        await Line(o, "создана", $"{AdminFormat.Time(m.CreatedAtUtc)}, автор {m.CreatedBy}");
        await Line(o, "одобрил", m.ApprovedBy);
        await Line(o, "начата", Time(m.StartedAtUtc));
        await Line(o, "окончена", Time(m.FinishedAtUtc));
        await Line(o, "SHA-256 журнала доставки", m.LedgerHash);
        foreach (var link in m.Links)
        {
            await Line(o, "кнопка", $"{link.Label} — {link.Url}");
        }

        await o.WriteLineAsync("текст:");
        await o.WriteLineAsync(m.Text);

        var consents = host.Services.GetRequiredService<IConsentStore>();
        var purpose = host.Services.GetRequiredService<ConsentCatalog>().Mailing.Id;
        var s = service.Statistics(m.Id, consents, purpose);
        await o.WriteLineAsync("статистика:");
        foreach (var (label, value) in new (string, int)[]
        {
            ("получателей", s.Recipients),
            ("отправлено", s.Sent),
            ("не доставлено", s.Failed),
            ("  из них заблокировали бота или запретили сообщения", s.FailedBlocked),
            ("пропущено: согласие или подписка на тему закончились до их очереди", s.Skipped),
            ("исход неизвестен (отправка прервана сбоем)", s.Unknown),
            ("отменено", s.Cancelled),
            ("ждут отправки", s.Waiting),
            ("отписались в течение 72 часов после получения", s.UnsubscribedWithin72Hours),
        })
        {
            await o.WriteLineAsync(string.Create(Ic, $"  {label}: {value}"));
        }

        return 0;
    }

    private static string Topic(MailingService service, string topic) =>
        service.Options.FindTopic(topic) is { } t ? $"{t.Title} ({t.Id})" : topic.Length == 0 ? "-" : topic;

    private static string Channels(Mailing m) => string.Join(", ", m.Channels.Select(MailingChannels.Title));

    private static string Kind(MailingKind kind) => kind == MailingKind.Advertising ? "рекламная" : "информационная";

    private static string SendAt(Mailing m) => m.SendAtUtc is { } at ? AdminFormat.Time(at) : "сразу";

    private static string? Time(DateTime? utc) => utc is { } t ? AdminFormat.Time(t) : null;

    private static Task Line(TextWriter o, string label, string? value) =>
        value is null ? Task.CompletedTask : o.WriteLineAsync($"{label + ":",-12} {value}");

    // Russian labels have spaces in them: columns are at least two spaces apart.
    private static string Row(string id, string state, string topic, string channels, string kind, string sendAt, string counts) =>
        string.Join("  ", id.PadRight(5), state.PadRight(14), topic.PadRight(28), channels.PadRight(20), kind.PadRight(14), sendAt.PadRight(23), counts).TrimEnd();
}
