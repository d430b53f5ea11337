namespace PdBot.Core.Mailings;

/// <summary>Audit entries of mailings: <c>Kind = "mailing"</c>, one event per transition or action.</summary>
public static class MailingEvents
{
    public const string Kind = "mailing";

    /// <summary>Audit entries of mailings are not about one person's channel.</summary>
    public const string Channel = "admin";

    public const string Created = "created";
    public const string Updated = "updated";
    public const string TestSent = "test-sent";
    public const string Exported = "exported";

    /// <summary>The ledger of a cancelled mailing is final (no call in flight any more): its hash is recorded.</summary>
    public const string Sealed = "sealed";

    /// <summary>"submitted", "approved", "started", "completed", "cancelled"… for a trigger.</summary>
    public static string Of(MailingTrigger trigger) => trigger switch
    {
        MailingTrigger.Submit => "submitted",
        MailingTrigger.Approve => "approved",
        MailingTrigger.Reject => "rejected",
        MailingTrigger.Start => "started",
        MailingTrigger.Pause => "paused",
        MailingTrigger.Resume => "resumed",
        MailingTrigger.Complete => "completed",
        MailingTrigger.Cancel => "cancelled",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    /// <summary>The detail of a ledger-hash entry: "mailing=12 ledger={sha256} rows=340" (what <c>audit verify</c> parses).</summary>
    public static string LedgerDetail(long mailingId, string hash, int rows) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mailing={mailingId} ledger={hash} rows={rows}");

    /// <summary>Reads <see cref="LedgerDetail"/> back; null when the detail is not one.</summary>
    public static (long MailingId, string Hash, int Rows)? ParseLedgerDetail(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        var parts = detail.Split(' ').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return parts.TryGetValue("mailing", out var id) && parts.TryGetValue("ledger", out var hash) && parts.TryGetValue("rows", out var rows)
            && long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var mailingId)
            && int.TryParse(rows, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? (mailingId, hash, count) : null;
    }
}
