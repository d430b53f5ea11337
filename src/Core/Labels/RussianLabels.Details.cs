using System.Globalization;
using System.Text.RegularExpressions;
using PdBot.Core.Admin;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Core.Labels;

/// <summary>
/// Audit details as an admin reads them. Stored entries are never rewritten (the hash chain covers them), so the
/// English codes older entries and the console's own view records carry are put into Russian here, when shown.
/// Anything not recognised is shown as stored.
/// </summary>
public static partial class RussianLabels
{
    private static readonly Dictionary<string, string> DetailWords = new(StringComparer.Ordinal)
    {
        // What an admin viewed or downloaded.
        ["consent log"] = "журнал согласий",
        ["consent log CSV"] = "журнал согласий, CSV",
        ["audit trail"] = "журнал аудита",
        ["audit trail CSV"] = "журнал аудита, CSV",
        ["request queue"] = "очередь запросов",
        ["request queue CSV"] = "очередь запросов, CSV",
        ["person timeline"] = "хронология субъекта",
        ["admin accounts"] = "учётные записи консоли",
        ["evidence pack json"] = "пакет доказательств, JSON",
        ["evidence pack csv"] = "пакет доказательств, CSV",
        ["evidence pack zip"] = "пакет доказательств, ZIP",

        // Sign-in and consent reasons.
        ["unknown login"] = "неизвестный логин",
        ["account locked"] = "учётная запись заблокирована",
        ["wrong password"] = "неверный пароль",
        ["unsubscribe"] = "отписка",
        ["menu"] = "через меню",
        ["request"] = "по запросу субъекта",
        ["platform"] = "платформа сообщила",
        ["blocked"] = "пользователь заблокировал бота",
        ["denied-messages"] = "пользователь запретил сообщения",

        // Requests' consent withdrawals.
        ["stop-processing request received"] = "получен запрос о прекращении обработки",
        ["stop-processing request approved"] = "одобрен запрос о прекращении обработки",
        ["destruction request approved"] = "одобрен запрос об уничтожении",
    };

    /// <summary>An audit entry's detail in Russian; with the catalog, a purpose filter is named by its title.</summary>
    public static string Detail(string? detail, ConsentCatalog? catalog = null)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "";
        }

        if (DetailWords.TryGetValue(detail, out var word))
        {
            return word;
        }

        if (Filtered().Match(detail) is { Success: true } f && DetailWords.TryGetValue(f.Groups[1].Value, out var view))
        {
            return $"{view} ({string.Join(", ", f.Groups[2].Value.Split(", ").Select(p => FilterPart(p, catalog)))})";
        }

        if (RequestDetail().Match(detail) is { Success: true } r)
        {
            var type = r.Groups[2].Success && Enum.TryParse<RequestType>(r.Groups[2].Value, out var t) ? ", " + Type(t) : "";
            var note = r.Groups[3].Success ? ": " + Note(r.Groups[3].Value) : "";
            return $"запрос № {r.Groups[1].Value}{type}{note}";
        }

        if (AdminAccount().Match(detail) is { Success: true } a)
        {
            return "логин " + a.Groups[1].Value + (a.Groups[2].Success ? ", роль " + Role(a.Groups[2].Value) : "");
        }

        if (LockedOut().Match(detail) is { Success: true } l)
        {
            return $"неудачных попыток: {l.Groups[1].Value}; вход закрыт на {l.Groups[2].Value} мин.";
        }

        return Note(detail);
    }

    private static string Note(string note) =>
        DetailWords.TryGetValue(note, out var word) ? word
        : note.StartsWith("other basis: ", StringComparison.Ordinal) ? "другое основание: " + note["other basis: ".Length..]
        : Corrected().Match(note) is { Success: true } c ? $"{CorrectionField(c.Groups[1].Value)}: {c.Groups[2].Value}"
        : note;

    private static string FilterPart(string part, ConsentCatalog? catalog)
    {
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return part switch
            {
                "person filter" => "отбор по субъекту",
                "closed" => "закрытые",
                _ => part,
            };
        }

        var (name, value) = (part[..eq], part[(eq + 1)..]);
        return name switch
        {
            "kind" => "вид: " + Kind(value),
            "event" => "событие: " + Action(value),
            "actor" => "исполнитель: " + Actor(value),
            "purpose" => "цель: " + (catalog is null ? value : Purpose(catalog, value)),
            "channel" => "канал: " + Channel(value),
            "dates" => "даты: " + value,
            "type" => "тип: " + (Enum.TryParse<RequestType>(value, out var t) ? Type(t) : value),
            "state" => "состояние: " + (Enum.TryParse<RequestState>(value, out var s) ? State(s) : value),
            _ => part,
        };
    }

    private static string Role(string role) => Enum.TryParse<AdminRole>(role, ignoreCase: true, out var r) ? AdminRoleText.Russian(r) : role;

    /// <summary>The audit detail of a request's step, written in Russian from the start.</summary>
    public static string RequestDetailText(long requestId, RequestType type, string? note) =>
        $"запрос № {requestId.ToString(CultureInfo.InvariantCulture)}, {Type(type)}" + (note is null ? "" : ": " + note);

    [GeneratedRegex(@"^([a-z][a-zA-Z ]*?) \((.*)\)$")]
    private static partial Regex Filtered();

    [GeneratedRegex(@"^request (\d+)(?: ([A-Za-z]+))?(?:: (.*))?$", RegexOptions.Singleline)]
    private static partial Regex RequestDetail();

    [GeneratedRegex(@"^login (\S+)(?:, role ([a-z]+))?$")]
    private static partial Regex AdminAccount();

    [GeneratedRegex(@"^(\d+) failed attempts; locked for (\d+) minutes$")]
    private static partial Regex LockedOut();

    [GeneratedRegex(@"^([a-z-]+): (sha256 .*)$")]
    private static partial Regex Corrected();
}
