using System.Globalization;
using System.Text;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Operator;
using PdBot.Core.People;

namespace PdBot.Core.Requests;

/// <summary>
/// The answer to an access request: the ten items of policy 6.1.1 (152-FZ Art. 14 part 7) filled from the
/// operator's configuration and from what is actually held about this person — their identifiers, first contact,
/// consents and requests, in Russian — and nobody else's. Data categories are only those of consents the person gave.
/// </summary>
public static class AccessReport
{
    private static readonly string[] AlwaysHeld = ["идентификатор пользователя и чата в мессенджере", "дата первого обращения"];

    public static string Build(SubjectRequest request, Person person, IReadOnlyList<ConsentRecord> consents,
        IReadOnlyList<SubjectRequest> personRequests, ConsentCatalog catalog, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(personRequests);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(op);
        var ic = CultureInfo.InvariantCulture;
        var inForce = Purposes(consents.Where(c => c.State is ConsentState.Given or ConsentState.NeedsRenewal), catalog);
        var everGiven = Purposes(consents.Where(c => c.GivenAtUtc is not null), catalog);
        var held = AlwaysHeld
            .Concat(everGiven.SelectMany(p => p.DataCategories))
            .Concat(personRequests.Any(r => r.DocumentNumber is not null) ? ["реквизиты документа, удостоверяющего личность (для проверки запросов)"] : [])
            .Distinct();
        var s = new StringBuilder();
        s.Append(ic, $"Ответ на запрос № {request.Id}: сведения об обработке ваших персональных данных\n\n");
        s.Append(ic, $"1. Обработка ваших персональных данных {(inForce.Count > 0 ? "осуществляется" : "по согласиям сейчас не ведётся; данные хранятся в пределах сроков, указанных ниже")}{(person.Blocked ? "; ваши данные заблокированы по вашему запросу" : "")}.\n");
        s.Append(ic, $"2. Правовые основания: {op.LegalGrounds}. Цели: {Join(inForce.Select(p => p.Title), "нет действующих согласий")}.\n");
        s.Append(ic, $"3. Способы обработки: {op.Methods}.\n");
        s.Append(ic, $"4. Оператор: {op.Name}, {op.Address}. Доступ имеют: {op.Recipients}.\n");
        s.Append(ic, $"5. Обрабатываемые данные: {string.Join("; ", held)}; источник: {op.Source}.\n");
        s.Append(ic, $"6. Сроки обработки и хранения: {Join(everGiven.Select(p => $"{p.Title} — {p.Retention}"), "до уничтожения по истечении сроков хранения")}.\n");
        s.Append(ic, $"7. Ваши права: узнать о данных, потребовать уточнения, блокирования или уничтожения, отозвать согласие, обжаловать действия оператора в Роскомнадзоре или суде; запросы — в боте (/privacy) или на {op.Email}.\n");
        s.Append(ic, $"8. Трансграничная передача: {op.CrossBorder}.\n");
        s.Append(ic, $"9. Обработку по поручению оператора осуществляет: {op.Processor}.\n");
        s.Append(ic, $"10. Меры по ст. 18.1 152-ФЗ: {op.SafeguardMeasures}.\n\n");
        s.Append("Ваши идентификаторы у нас:\n");
        s.Append(ic, $"• {RussianLabels.Channel(person.Channel)}: идентификатор пользователя {Or(person.PlatformUserId)}, чат {Or(person.ChatId)}\n");
        s.Append(ic, $"Первое обращение: {ClinicDate(person.CreatedAtUtc)}.\n");
        s.Append("Ваши согласия:\n");
        var shown = consents.Where(c => c.State != ConsentState.NotAsked).OrderBy(c => c.PurposeId, StringComparer.Ordinal).ToList();
        foreach (var c in shown)
        {
            var title = catalog.Find(c.PurposeId)?.Title ?? c.PurposeId;
            var given = c.GivenAtUtc is { } at ? $", дано {ClinicDate(at)}" : "";
            s.Append(ic, $"• {title}: {RussianLabels.State(c.State)}, редакция {c.TextVersion}{given}, изменено {ClinicDate(c.UpdatedAtUtc)}\n");
        }

        if (shown.Count == 0)
        {
            s.Append("• нет\n");
        }

        s.Append("Ваши запросы:\n");
        foreach (var r in personRequests.Where(r => r.ReceivedAtUtc is not null).OrderBy(r => r.Id))
        {
            s.Append(ic, $"• № {r.Id} «{RequestTexts.Title(r.Type)}» от {ClinicDate(r.ReceivedAtUtc!.Value)}: {RussianLabels.State(r.State)}\n");
        }

        return s.ToString();
    }

    private static List<PurposeOptions> Purposes(IEnumerable<ConsentRecord> records, ConsentCatalog catalog) =>
        [.. records.Select(c => catalog.Find(c.PurposeId)).OfType<PurposeOptions>().DistinctBy(p => p.Id)];

    private static string ClinicDate(DateTime utc) =>
        RequestTexts.Date(Calendar.ClinicTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));

    private static string Or(string value) => string.IsNullOrEmpty(value) ? "не хранится" : value;

    private static string Join(IEnumerable<string> items, string none)
    {
        var list = items.ToList();
        return list.Count == 0 ? none : string.Join("; ", list);
    }
}
