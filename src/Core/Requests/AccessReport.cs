using System.Globalization;
using System.Text;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.People;

namespace PdBot.Core.Requests;

/// <summary>
/// The answer to an access request: the ten items of policy 6.1.1 (152-FZ Art. 14 part 7) filled from the
/// operator's configuration, plus this person's own identifiers, consents and requests — nobody else's.
/// </summary>
public static class AccessReport
{
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
        var given = consents.Where(c => c.State == ConsentState.Given).Select(c => catalog.Find(c.PurposeId)).OfType<PurposeOptions>().ToList();
        var s = new StringBuilder();
        s.Append(ic, $"Ответ на запрос № {request.Id}: сведения об обработке ваших персональных данных\n\n");
        s.Append(ic, $"1. Обработка ваших персональных данных {(given.Count > 0 ? "осуществляется" : "по согласиям сейчас не ведётся; данные хранятся в пределах сроков, указанных ниже")}.\n");
        s.Append(ic, $"2. Правовые основания: {op.LegalGrounds}. Цели: {Join(given.Select(p => p.Title), "нет действующих согласий")}.\n");
        s.Append(ic, $"3. Способы обработки: {op.Methods}.\n");
        s.Append(ic, $"4. Оператор: {op.Name}, {op.Address}. Доступ имеют: {op.Recipients}.\n");
        s.Append(ic, $"5. Обрабатываемые данные: {Join(given.SelectMany(p => p.DataCategories).Distinct(), "идентификатор в мессенджере")}; источник: {op.Source}.\n");
        s.Append(ic, $"6. Сроки обработки и хранения: {Join(given.Select(p => $"{p.Title} — {p.Retention}"), "до уничтожения по истечении сроков хранения")}.\n");
        s.Append(ic, $"7. Ваши права: узнать о данных, потребовать уточнения, блокирования или уничтожения, отозвать согласие, обжаловать действия оператора в Роскомнадзоре или суде; запросы — в боте (/privacy) или на {op.Email}.\n");
        s.Append(ic, $"8. Трансграничная передача: {op.CrossBorder}.\n");
        s.Append(ic, $"9. Обработку по поручению оператора осуществляет: {op.Processor}.\n");
        s.Append(ic, $"10. Меры по ст. 18.1 152-ФЗ: {op.SafeguardMeasures}.\n\n");
        s.Append(ic, $"Ваши идентификаторы у нас: канал {person.Channel}, идентификатор {person.PlatformUserId}, учтён с {person.CreatedAtUtc:dd.MM.yyyy}.\n");
        s.Append("Ваши согласия:\n");
        foreach (var c in consents.OrderBy(c => c.PurposeId, StringComparer.Ordinal))
        {
            var title = catalog.Find(c.PurposeId)?.Title ?? c.PurposeId;
            s.Append(ic, $"• {title}: {c.State}, редакция {c.TextVersion}, изменено {c.UpdatedAtUtc:dd.MM.yyyy}\n");
        }

        s.Append("Ваши запросы:\n");
        foreach (var r in personRequests.Where(r => r.ReceivedAtUtc is not null).OrderBy(r => r.Id))
        {
            s.Append(ic, $"• № {r.Id} {RequestTexts.Title(r.Type)} от {r.ReceivedAtUtc:dd.MM.yyyy}: {r.State}\n");
        }

        return s.ToString();
    }

    private static string Join(IEnumerable<string> items, string none)
    {
        var list = items.ToList();
        return list.Count == 0 ? none : string.Join("; ", list);
    }
}
