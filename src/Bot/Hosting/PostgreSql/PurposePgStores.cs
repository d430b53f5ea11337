using Microsoft.Extensions.DependencyInjection.Extensions;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Patients;
using PdBot.Core.Reviews;

namespace PdBot.Bot.Hosting.PostgreSql;

/// <summary>PostgreSQL stores for conversations, consultation requests, reviews, patients, mailings: they take the place of the LiteDB ones (Storage:Provider = PostgreSql).</summary>
public static class PurposePgStores
{
    public static IServiceCollection AddPurposePgStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IConversationStore>();
        services.RemoveAll<ILeadStore>();
        services.RemoveAll<IReviewStore>();
        services.RemoveAll<IPatientStore>();
        services.RemoveAll<IMailingStore>();

        services.AddPurposeStore<IConversationStore, PgConversationStore>(erases: true);
        services.AddPurposeStore<ILeadStore, PgLeadStore>(erases: true);
        services.AddPurposeStore<IReviewStore, PgReviewStore>(erases: true);
        services.AddPurposeStore<IPatientStore, PgPatientStore>(erases: true);
        services.AddPurposeStore<IMailingStore, PgMailingStore>(erases: false);
        return services;
    }

    /// <summary>One instance behind the store's interface, its eraser (when its data go with a person's) and its copy target.</summary>
    private static void AddPurposeStore<TStore, TPg>(this IServiceCollection services, bool erases)
        where TStore : class
        where TPg : class, TStore, IPgCopyTarget
    {
        services.AddSingleton<TPg>();
        services.AddSingleton<TStore>(sp => sp.GetRequiredService<TPg>());
        if (erases)
        {
            services.AddSingleton(sp => (IPgPersonDataEraser)sp.GetRequiredService<TPg>());
        }

        services.AddSingleton<IPgCopyTarget>(sp => sp.GetRequiredService<TPg>());
    }
}
