using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for people, consents, consent texts, the audit trail, admin accounts, API keys, alerts: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class CorePgStores
{
    public static IServiceCollection AddCorePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IConsentStore>();
        services.RemoveAll<IAuditLog>();
        services.RemoveAll<IAdminAccounts>();
        services.RemoveAll<IApiKeyStore>();
        services.RemoveAll<IAlertStore>();

        // PgAuditLog itself is registered by AddPostgreSqlStorage.
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<PgAuditLog>());
        services.AddSingleton<PgConsentStore>();
        services.AddSingleton<IConsentStore>(sp => sp.GetRequiredService<PgConsentStore>());
        services.AddSingleton<PgAdminAccounts>();
        services.AddSingleton<IAdminAccounts>(sp => sp.GetRequiredService<PgAdminAccounts>());
        services.AddSingleton<PgApiKeys>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<PgApiKeys>());
        services.AddSingleton<PgAlertStore>();
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<PgAlertStore>());

        services.AddSingleton<IPgCopyTarget, PgConsentCopy>();
        services.AddSingleton<IPgCopyTarget, PgAuditCopy>();
        services.AddSingleton<IPgCopyTarget, PgAdminAccountsCopy>();
        services.AddSingleton<IPgCopyTarget, PgApiKeysCopy>();
        services.AddSingleton<IPgCopyTarget, PgAlertCopy>();
        return services;
    }
}
