using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Stores.Core;

/// <summary>The core stores of one provider, opened on a fresh store, as the contract tests see them.</summary>
public abstract class CoreStores : IDisposable
{
    public static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public abstract IConsentStore Consents { get; }

    public abstract IAuditLog Audit { get; }

    public abstract IAdminAccounts Admins { get; }

    public abstract IApiKeyStore ApiKeys { get; }

    public abstract IAlertStore Alerts { get; }

    /// <summary>Starts a conversation turn: writes are held until <see cref="CommitTurnAsync"/>.</summary>
    public abstract IDisposable BeginTurn();

    /// <summary>Commits what the turn (disposed or not) collected, in one transaction.</summary>
    public abstract Task CommitTurnAsync(IDisposable turn);

    /// <summary>Outgoing messages stored (an alert's admin-chat message).</summary>
    public abstract int OutboxCount();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
