using PdBot.Core.Audit;

namespace PdBot.Bot.Consents;

/// <summary>One consent event as exported and shown to admins (never the stored entity itself).</summary>
public sealed record ConsentEventRow(
    DateTime TimeUtc, string Channel, string PlatformUserId, string Purpose, int TextVersion, string TextHash, string Event)
{
    public static IEnumerable<ConsentEventRow> From(IEnumerable<AuditEntry> entries) =>
        entries
            .Where(e => e.Kind == AuditEvents.ConsentKind && AuditEvents.ConsentEvents.Contains(e.Event))
            .Select(e => new ConsentEventRow(
                e.TimeUtc, e.Channel, e.UserId ?? "", e.PurposeId ?? "", e.TextVersion ?? 0, e.TextHash ?? "", e.Event));
}
