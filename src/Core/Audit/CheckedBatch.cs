namespace PdBot.Core.Audit;

/// <summary>A batch of entries with each one's own problem (altered user id or content), found off the reading thread.</summary>
internal sealed class CheckedBatch(AuditEntry[] entries, string?[] problems)
{
    public AuditEntry[] Entries { get; } = entries;

    /// <summary>Null where the entry's own fields hash to its stored hash.</summary>
    public string?[] Problems { get; } = problems;

    public static CheckedBatch Check<T>(IReadOnlyList<T> items, Func<T, AuditEntry> toEntry)
    {
        var entries = new AuditEntry[items.Count];
        var problems = new string?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var e = entries[i] = toEntry(items[i]);
            problems[i] = AuditChain.OwnProblem(e);
        }

        return new CheckedBatch(entries, problems);
    }
}
