using System.Text.Json;
using PdBot.Core.Turns;

namespace PdBot.Core.Outbox;

/// <summary>Button rows as stored in <see cref="OutboxMessage.Buttons"/>: JSON, so the store needs no mapping of its own.</summary>
public static class OutboxButtons
{
    public static string? Write(IReadOnlyList<IReadOnlyList<Button>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? null : JsonSerializer.Serialize(rows.Select(r => r.Select(b => new[] { b.Label, b.Payload })));
    }

    public static IReadOnlyList<IReadOnlyList<Button>> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? []
        : [.. JsonSerializer.Deserialize<string[][][]>(stored)!.Select(r => (IReadOnlyList<Button>)[.. r.Select(b => new Button(b[0], b[1]))])];
}
