namespace PdBot.Core.Incidents;

/// <summary>What an operator fills in for an incident (the regulator's form), validated before it is stored.</summary>
public sealed class IncidentFields
{
    public DateTime DetectedAtUtc { get; set; }

    public string Summary { get; set; } = "";

    public string DataCategories { get; set; } = "";

    public string Channels { get; set; } = "";

    public int? EstimatedPeople { get; set; }

    public string PresumedCauses { get; set; } = "";

    public string Harm { get; set; } = "";

    public string Measures { get; set; } = "";

    public string ContactPerson { get; set; } = "";

    public string InvestigationResults { get; set; } = "";

    public string ResponsiblePersons { get; set; } = "";

    public static IncidentFields Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentFields
        {
            DetectedAtUtc = incident.DetectedAtUtc,
            Summary = incident.Summary,
            DataCategories = incident.DataCategories,
            Channels = incident.Channels,
            EstimatedPeople = incident.EstimatedPeople,
            PresumedCauses = incident.PresumedCauses,
            Harm = incident.Harm,
            Measures = incident.Measures,
            ContactPerson = incident.ContactPerson,
            InvestigationResults = incident.InvestigationResults,
            ResponsiblePersons = incident.ResponsiblePersons,
        };
    }

    /// <summary>Russian problems with the input (empty when fine); <paramref name="nowUtc"/> bounds the detection time.</summary>
    public IReadOnlyList<string> Validate(DateTime nowUtc)
    {
        var problems = new List<string>();
        if (DetectedAtUtc == default)
        {
            problems.Add("Укажите дату и время выявления инцидента.");
        }
        else if (DetectedAtUtc > nowUtc.AddMinutes(5))
        {
            problems.Add("Дата и время выявления не могут быть в будущем.");
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            problems.Add("Опишите, что произошло.");
        }

        if (EstimatedPeople is < 0)
        {
            problems.Add("Число затронутых субъектов не может быть отрицательным.");
        }

        return problems;
    }

    /// <summary>The Russian names of the fields that differ from the incident's (for the history; never the values).</summary>
    public IReadOnlyList<string> Changes(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var changed = new List<string>();
        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }

        Check(DetectedAtUtc != incident.DetectedAtUtc, "дата выявления");
        Check(Clean(Summary) != incident.Summary, "что произошло");
        Check(Clean(DataCategories) != incident.DataCategories, "категории данных");
        Check(Clean(Channels) != incident.Channels, "каналы");
        Check(EstimatedPeople != incident.EstimatedPeople, "число субъектов");
        Check(Clean(PresumedCauses) != incident.PresumedCauses, "причины");
        Check(Clean(Harm) != incident.Harm, "вред");
        Check(Clean(Measures) != incident.Measures, "принятые меры");
        Check(Clean(ContactPerson) != incident.ContactPerson, "контактное лицо");
        Check(Clean(InvestigationResults) != incident.InvestigationResults, "результаты расследования");
        Check(Clean(ResponsiblePersons) != incident.ResponsiblePersons, "виновные лица");
        return changed;
    }

    public void ApplyTo(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.DetectedAtUtc = DateTime.SpecifyKind(DetectedAtUtc, DateTimeKind.Utc);
        incident.Summary = Clean(Summary);
        incident.DataCategories = Clean(DataCategories);
        incident.Channels = Clean(Channels);
        incident.EstimatedPeople = EstimatedPeople;
        incident.PresumedCauses = Clean(PresumedCauses);
        incident.Harm = Clean(Harm);
        incident.Measures = Clean(Measures);
        incident.ContactPerson = Clean(ContactPerson);
        incident.InvestigationResults = Clean(InvestigationResults);
        incident.ResponsiblePersons = Clean(ResponsiblePersons);
    }

    private static string Clean(string? text) => (text ?? "").Trim();
}
