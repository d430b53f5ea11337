namespace PdBot.Core.Leads;

/// <summary>Configuration section <c>Consultations</c>: the consultation request form.</summary>
public sealed class ConsultationOptions
{
    /// <summary>The directions a person may pick (optional step, «Пропустить»); none configured: the step is not asked.</summary>
    public List<string> Directions { get; set; } = [];

    /// <summary>How far ahead a day may be asked for: the request's data live at most 30 days.</summary>
    public int MaxDaysAhead { get; set; } = 28;
}
