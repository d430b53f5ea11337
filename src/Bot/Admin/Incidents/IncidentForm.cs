using System.Globalization;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Calendar;
using PdBot.Core.Incidents;

namespace PdBot.Bot.Admin.Incidents;

/// <summary>
/// The incident form as posted: every value as typed (so a refused form comes back unchanged), the detection time
/// as the clinic's local date-time. Turned into <see cref="IncidentFields"/> for the service.
/// </summary>
public sealed class IncidentForm
{
    /// <summary>Clinic-local (Moscow) date-time, "2026-12-04T18:00".</summary>
    public string? DetectedAt { get; set; }

    public string? Summary { get; set; }

    public string? DataCategories { get; set; }

    public string? Channels { get; set; }

    public string? EstimatedPeople { get; set; }

    public string? PresumedCauses { get; set; }

    public string? Harm { get; set; }

    public string? Measures { get; set; }

    public string? ContactPerson { get; set; }

    public string? InvestigationResults { get; set; }

    public string? ResponsiblePersons { get; set; }

    /// <summary>The fields for the service, or the problems in Russian (the service's own checks included).</summary>
    public (IncidentFields Fields, IReadOnlyList<string> Errors) ToFields(DateTime nowUtc)
    {
        var errors = new List<string>();
        var fields = new IncidentFields
        {
            Summary = Text(Summary),
            DataCategories = Text(DataCategories),
            Channels = Text(Channels),
            PresumedCauses = Text(PresumedCauses),
            Harm = Text(Harm),
            Measures = Text(Measures),
            ContactPerson = Text(ContactPerson),
            InvestigationResults = Text(InvestigationResults),
            ResponsiblePersons = Text(ResponsiblePersons),
        };
        if (ParseLocal(DetectedAt) is { } detected)
        {
            fields.DetectedAtUtc = detected;
        }
        else if (!string.IsNullOrWhiteSpace(DetectedAt))
        {
            errors.Add("Дата и время выявления указаны неверно: выберите их в поле (по московскому времени).");
        }

        if (!string.IsNullOrWhiteSpace(EstimatedPeople))
        {
            if (int.TryParse(EstimatedPeople.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                fields.EstimatedPeople = n;
            }
            else
            {
                errors.Add("Число затронутых субъектов: укажите целое число или оставьте поле пустым.");
            }
        }

        errors.AddRange(fields.Validate(nowUtc).Where(e => errors.Count == 0 || !e.StartsWith("Укажите дату", StringComparison.Ordinal)));
        return (fields, errors);
    }

    public static IncidentForm From(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentForm
        {
            DetectedAt = MailingForm.LocalValue(incident.DetectedAtUtc),
            Summary = incident.Summary,
            DataCategories = incident.DataCategories,
            Channels = incident.Channels,
            EstimatedPeople = incident.EstimatedPeople?.ToString(CultureInfo.InvariantCulture),
            PresumedCauses = incident.PresumedCauses,
            Harm = incident.Harm,
            Measures = incident.Measures,
            ContactPerson = incident.ContactPerson,
            InvestigationResults = incident.InvestigationResults,
            ResponsiblePersons = incident.ResponsiblePersons,
        };
    }

    /// <summary>A datetime-local value in clinic time as UTC; null when blank or malformed.</summary>
    public static DateTime? ParseLocal(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), MailingForm.LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, ClinicTime.Zone.GetUtcOffset(local)).UtcDateTime;
    }

    // Browsers post a textarea's line breaks as CRLF.
    private static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}
