using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Core;

public sealed class CorePgRegistrationTests
{
    [Fact]
    public void With_postgresql_the_core_interfaces_resolve_to_the_postgresql_stores_and_the_lite_ones_are_gone()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConsentStore>(_ => throw new InvalidOperationException("the LiteDB store was resolved"));
        services.AddSingleton<IAuditLog>(_ => throw new InvalidOperationException("the LiteDB store was resolved"));
        services.AddSingleton<IAdminAccounts>(_ => throw new InvalidOperationException("the LiteDB store was resolved"));
        services.AddSingleton<IApiKeyStore>(_ => throw new InvalidOperationException("the LiteDB store was resolved"));
        services.AddSingleton<IAlertStore>(_ => throw new InvalidOperationException("the LiteDB store was resolved"));

        services.AddPostgreSqlStorage(PgServer.CreateDatabase());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PgConsentStore>(provider.GetRequiredService<IConsentStore>());
        Assert.Same(provider.GetRequiredService<PgAuditLog>(), provider.GetRequiredService<IAuditLog>());
        Assert.IsType<PgAdminAccounts>(provider.GetRequiredService<IAdminAccounts>());
        Assert.IsType<PgApiKeys>(provider.GetRequiredService<IApiKeyStore>());
        Assert.IsType<PgAlertStore>(provider.GetRequiredService<IAlertStore>());
        var tables = provider.GetServices<IPgCopyTarget>().SelectMany(t => t.Tables.Keys).ToList();
        foreach (var collection in new[] { "people", "consents", "consent_texts", "audit", "meta", "admins", "api_keys", "alerts" })
        {
            Assert.Single(tables, collection);
        }
    }
}
