using PdBot.Core.Audit;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Stores.Cases;

/// <summary>
/// The case stores of one provider over one database, with its audit trail and a conversation turn's scope, for the
/// contract tests written once against the interfaces. <see cref="Reopen"/> closes and opens the same database (a restart).
/// </summary>
public abstract class CaseStores : IDisposable
{
    public abstract IIncidentStore Incidents { get; }

    public abstract IAuthorityStore Authority { get; }

    public abstract IUnlawfulStore Unlawful { get; }

    public abstract IAuditLog Audit { get; }

    /// <summary>From here on this async flow's writes wait for <see cref="CommitTurnAsync"/>; disposing drops them.</summary>
    public abstract IDisposable BeginTurn();

    public abstract Task CommitTurnAsync(IDisposable turn);

    public abstract void Reopen();

    public abstract void Dispose();

    /// <summary>One audit entry, as a service writes it with what it saves.</summary>
    public static AuditEntry Entry(string kind, string evt) => new()
    {
        TimeUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
        Kind = kind,
        Event = evt,
        Channel = "console",
        Actor = "admin",
        Detail = $"{kind} {evt}",
    };
}
