using PdBot.Core.Incidents;

namespace PdBot.Bot.Admin.Incidents;

/// <summary>The «Затронутые субъекты» selection as posted (times as the clinic's local date-time), kept as typed.</summary>
public sealed class AffectedForm
{
    public string? Channel { get; set; }

    public string? PurposeId { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Ids { get; set; }

    public (AffectedQuery Query, IReadOnlyList<string> Errors) ToQuery()
    {
        var errors = new List<string>();
        var query = new AffectedQuery { Channel = Channel, PurposeId = PurposeId, Ids = Ids?.Replace("\r\n", "\n", StringComparison.Ordinal) };
        query.FromUtc = Time(From, "Начало периода", errors);
        query.ToUtc = Time(To, "Конец периода", errors);
        errors.AddRange(query.Validate());
        return (query, errors);
    }

    private static DateTime? Time(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (IncidentForm.ParseLocal(value) is { } utc)
        {
            return utc;
        }

        errors.Add($"{name} указано неверно: выберите дату и время в поле (по московскому времени).");
        return null;
    }
}
