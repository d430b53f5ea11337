namespace PdBot.Core.Authority;

/// <summary>
/// When a working-day term alerts operators: two working days before, on the due day, and once overdue. A clock
/// running hourly sees each stage many times; the stage name goes into the alert's key so each is raised once.
/// </summary>
public static class DeadlineStage
{
    public const int DaysBefore = 2;

    /// <summary>"before", "due", "overdue", or null when nothing is to be said today.</summary>
    public static string? Of(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => "overdue",
        0 => "due",
        DaysBefore => "before",
        _ => null,
    };

    /// <summary>The alert's dedupe key: a new due date (an extension) alerts again.</summary>
    public static string Key(string prefix, long id, DateOnly due, string stage) =>
        FormattableString.Invariant($"{prefix}-{id}-{due:yyyyMMdd}-{stage}");
}
