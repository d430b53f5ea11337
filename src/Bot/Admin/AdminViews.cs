using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Bot.Admin;

/// <summary>Writes to the audit trail that an admin saw or downloaded personal data, before the page is sent.</summary>
public sealed class AdminViews(IAuditLog audit, TimeProvider time)
{
    /// <param name="what">What was shown, without personal data (filters are named, not their values).</param>
    public Task RecordAsync(string login, string evt, string what, string? personId = null, CancellationToken cancellationToken = default) =>
        audit.AppendAsync(
        [
            new AuditEntry
            {
                TimeUtc = time.GetUtcNow().UtcDateTime,
                Kind = AdminEvents.Kind,
                Event = evt,
                Channel = AdminEvents.Channel,
                Actor = login,
                PersonId = personId,
                Detail = what,
            },
        ],
        cancellationToken);
}
