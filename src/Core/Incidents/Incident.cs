namespace PdBot.Core.Incidents;

/// <summary>
/// An unlawful transfer or leak of personal data (152-FZ Art. 21 part 3.1), with what the regulator's notices ask
/// for. The clocks count hours from detection: the first notice within 24 hours, the investigation's results within 72.
/// The texts are the operators' own words; they should not name the people affected (those are in <see cref="Affected"/>).
/// </summary>
public sealed class Incident
{
    public static readonly TimeSpan NoticeTerm = TimeSpan.FromHours(24);

    public static readonly TimeSpan ResultsTerm = TimeSpan.FromHours(72);

    public long Id { get; set; }

    public IncidentSource Source { get; set; }

    public IncidentState State { get; set; } = IncidentState.Candidate;

    /// <summary>When the clinic detected it (or the person reported it): both clocks start here.</summary>
    public DateTime DetectedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>What happened.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The categories of personal data concerned (names, phones, health data…).</summary>
    public string DataCategories { get; set; } = "";

    /// <summary>The channels concerned (Telegram, VK, the console…).</summary>
    public string Channels { get; set; } = "";

    /// <summary>The estimated number of people whose data are concerned.</summary>
    public int? EstimatedPeople { get; set; }

    public string PresumedCauses { get; set; } = "";

    /// <summary>The presumed harm to the rights of the people.</summary>
    public string Harm { get; set; } = "";

    /// <summary>The measures taken to remove the effects.</summary>
    public string Measures { get; set; } = "";

    /// <summary>The person authorised by the operator to deal with the incident (name, position, contacts).</summary>
    public string ContactPerson { get; set; } = "";

    /// <summary>For the 72-hour notice: the internal investigation's results.</summary>
    public string InvestigationResults { get; set; } = "";

    /// <summary>For the 72-hour notice: the persons whose actions caused it, if identified.</summary>
    public string ResponsiblePersons { get; set; } = "";

    /// <summary>The reporting person's pseudonymous id (a chat report), if any.</summary>
    public string? ReporterPersonId { get; set; }

    public DateTime? NoticeSentAtUtc { get; set; }

    /// <summary>How the first notice went: «через портал pd.rkn.gov.ru», «почтой», ….</summary>
    public string? NoticeSentVia { get; set; }

    public DateTime? ResultsSentAtUtc { get; set; }

    public string? ResultsSentVia { get; set; }

    public string? DismissReason { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The people selected as affected (pseudonymous ids).</summary>
    public List<string> AffectedPersonIds { get; set; } = [];

    /// <summary>The service notices to the affected people and their outcomes.</summary>
    public List<AffectedDelivery> Deliveries { get; set; } = [];

    public List<IncidentHistoryItem> History { get; set; } = [];

    public DateTime NoticeDueUtc => DetectedAtUtc + NoticeTerm;

    public DateTime ResultsDueUtc => DetectedAtUtc + ResultsTerm;

    /// <summary>The first notice's clock runs until it is sent (or the incident is dismissed).</summary>
    public bool NoticeClockRuns => NoticeSentAtUtc is null && !IncidentMachine.IsFinal(State);

    /// <summary>The results' clock runs until they are sent (or the incident is dismissed).</summary>
    public bool ResultsClockRuns => ResultsSentAtUtc is null && !IncidentMachine.IsFinal(State);
}
