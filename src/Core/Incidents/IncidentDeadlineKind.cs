namespace PdBot.Core.Incidents;

/// <summary>The two duties of 152-FZ Art. 21 part 3.1.</summary>
public enum IncidentDeadlineKind
{
    /// <summary>The first notice to Roskomnadzor, within 24 hours of detection.</summary>
    Notice,

    /// <summary>The internal investigation's results, within 72 hours of detection.</summary>
    Results,
}
