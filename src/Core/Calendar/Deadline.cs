namespace PdBot.Core.Calendar;

/// <summary>A due date (the clinic's local date) and, when it falls in a provisional year, a warning.</summary>
public sealed record Deadline(DateOnly Due, string? Warning)
{
    public bool IsProvisional => Warning is not null;
}
