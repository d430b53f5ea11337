namespace PdBot.Core.Incidents;

/// <summary>
/// Who of the selected people a service notice reaches: <see cref="ToSend"/> are messaged; the blocked (policy
/// 6.2.5–6.2.6) and those whose data were destroyed are counted and reported, not messaged. <see cref="Unknown"/>:
/// lines of an explicit list that match nobody.
/// </summary>
public sealed record AffectedCount(int ToSend, int Blocked, int Destroyed, int Unknown)
{
    public int Total => ToSend + Blocked + Destroyed;

    /// <summary>«Будет отправлено: N; заблокированы: B; данные уничтожены: D — им не отправляется».</summary>
    public string Summary => $"Будет отправлено: {ToSend}; заблокированы: {Blocked}; данные уничтожены: {Destroyed} — им не отправляется"
        + (Unknown > 0 ? $"; не найдены: {Unknown}" : "");
}
