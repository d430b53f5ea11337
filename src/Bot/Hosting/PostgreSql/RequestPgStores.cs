using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for the inbox, subject requests and the outbox: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class RequestPgStores
{
    public static IServiceCollection AddRequestPgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IInbox>();
        services.RemoveAll<IRequestStore>();
        services.RemoveAll<IOutbox>();

        // The LiteDB erasers run only inside LiteRequestStore's transaction, which is not used here.
        services.RemoveAll<PdBot.Adapters.LiteDb.IPersonDataEraser>();

        services.AddSingleton<PgInbox>();
        services.AddSingleton<IInbox>(sp => sp.GetRequiredService<PgInbox>());
        services.AddSingleton<IPgPersonDataEraser>(sp => sp.GetRequiredService<PgInbox>());

        services.AddSingleton<PgRequestStore>();
        services.AddSingleton<IRequestStore>(sp => sp.GetRequiredService<PgRequestStore>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<PgRequestStore>());

        services.AddSingleton<IPgCopyTarget, PgInboxCopy>();
        services.AddSingleton<IPgCopyTarget, PgRequestCopy>();
        return services;
    }
}
