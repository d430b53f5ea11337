namespace PdBot.Core.Incidents;

/// <summary>
/// How the people affected by an incident are chosen: everyone with an entry in the audit trail (a consent, a
/// message, a request…) matching the channel, the purpose and the time window, and/or an explicit list of person ids
/// or platform ids («telegram:12345» or just «12345»), one per line.
/// </summary>
public sealed class AffectedQuery
{
    public string? Channel { get; set; }

    public string? PurposeId { get; set; }

    public DateTime? FromUtc { get; set; }

    /// <summary>Exclusive.</summary>
    public DateTime? ToUtc { get; set; }

    /// <summary>Person ids or platform ids, one per line.</summary>
    public string? Ids { get; set; }

    public bool HasFilter => !string.IsNullOrWhiteSpace(Channel) || !string.IsNullOrWhiteSpace(PurposeId) || FromUtc is not null || ToUtc is not null;

    public IReadOnlyList<string> IdLines =>
        [.. (Ids ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Russian problems with the query (empty when fine).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!HasFilter && IdLines.Count == 0)
        {
            problems.Add("Укажите канал, цель, период или список идентификаторов.");
        }

        if (FromUtc is { } from && ToUtc is { } to && from >= to)
        {
            problems.Add("Начало периода должно быть раньше его конца.");
        }

        return problems;
    }
}
