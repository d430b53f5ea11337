using System.Globalization;
using PdBot.Core.Calendar;
using PdBot.Core.Operator;

namespace PdBot.Core.Incidents;

/// <summary>
/// The two notices of 152-FZ Art. 21 part 3.1, in the order of Roskomnadzor's form: within 24 hours what happened,
/// its presumed causes, the harm to the people's rights, the measures taken, the contact person, and the operator;
/// within 72 hours the internal investigation's results and the persons whose actions caused it (if identified).
/// </summary>
public static class IncidentNotices
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The first notice (within 24 hours of detection).</summary>
    public static IncidentNotice First(Incident incident, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(op);
        return new IncidentNotice(
            "Уведомление о факте неправомерной или случайной передачи (предоставления, распространения, доступа) персональных данных, повлекшей нарушение прав субъектов персональных данных (ч. 3.1 ст. 21 Федерального закона № 152-ФЗ «О персональных данных»)",
            [
                .. Operator(op),
                Field("Дата и время выявления инцидента", Time(incident.DetectedAtUtc)),
                Field("Описание инцидента (что произошло)", incident.Summary),
                Field("Категории персональных данных", incident.DataCategories),
                Field("Каналы и информационные системы, затронутые инцидентом", incident.Channels),
                Field("Предполагаемое количество субъектов персональных данных", incident.EstimatedPeople?.ToString(Ru) ?? ""),
                Field("Предполагаемые причины, повлекшие нарушение прав субъектов персональных данных", incident.PresumedCauses),
                Field("Предполагаемый вред, нанесённый правам субъектов персональных данных", incident.Harm),
                Field("Принятые меры по устранению последствий инцидента", incident.Measures),
                Field("Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента", incident.ContactPerson),
            ]);
    }

    /// <summary>The investigation's results (within 72 hours of detection).</summary>
    public static IncidentNotice Results(Incident incident, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(op);
        var first = incident.NoticeSentAtUtc is { } sent ? $"{Time(sent)}, {incident.NoticeSentVia}" : "";
        return new IncidentNotice(
            "Уведомление о результатах внутреннего расследования выявленного инцидента (ч. 3.1 ст. 21 Федерального закона № 152-ФЗ «О персональных данных»)",
            [
                .. Operator(op),
                Field("Инцидент", $"{IncidentTexts.Number(incident.Id)}, выявлен {Time(incident.DetectedAtUtc)}"),
                Field("Первичное уведомление направлено", first),
                Field("Результаты внутреннего расследования", incident.InvestigationResults),
                Field("Лица, действия которых стали причиной инцидента (если установлены)", incident.ResponsiblePersons),
                Field("Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента", incident.ContactPerson),
            ]);
    }

    /// <summary>Moscow time, as the clinic and the regulator read it: «05.12.2026 18:00 МСК».</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), ClinicTime.Zone).ToString("dd.MM.yyyy HH:mm", Ru) + " МСК";

    private static IEnumerable<NoticeField> Operator(OperatorOptions op)
    {
        yield return Field("Наименование оператора", op.Name);
        yield return Field("Адрес оператора", op.Address);
        yield return Field("ИНН / ОГРН оператора", string.Join(" / ", new[] { op.Inn, op.Ogrn }.Where(s => !string.IsNullOrWhiteSpace(s))));
        yield return Field("Контакты оператора (телефон, электронная почта)", string.Join(", ", new[] { op.Phone, op.Email }.Where(s => !string.IsNullOrWhiteSpace(s))));
    }

    private static NoticeField Field(string label, string? value) =>
        new(label, string.IsNullOrWhiteSpace(value) ? NoticeField.Missing : value.Trim());
}
