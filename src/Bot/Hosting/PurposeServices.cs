using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Conversation.Inbox;
using PdBot.Core.Calendar;
using PdBot.Core.Clinic;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Bot.Hosting;

/// <summary>What the consents are for: the operator inbox, consultation requests, reviews, patients, and the purposes' terms.</summary>
public static class PurposeServices
{
    public static IServiceCollection AddPurposes(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>().BindConfiguration("Clinic");
        services.AddSingleton(sp => new ClinicHours(sp.GetRequiredService<IOptions<ClinicOptions>>().Value, sp.GetRequiredService<ProductionCalendar>()));
        services.AddSingleton<IPurposeDataSweep, ConsentTermSweep>();
        services.AddInbox();
        services.AddConsultations();
        services.AddReviews();
        services.AddPatients();
        return services;
    }

    private static void AddInbox(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration("Inbox");
        services.AddSingleton<LiteConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<LiteConversationStore>());
        services.AddSingleton<IPersonDataEraser>(sp => sp.GetRequiredService<LiteConversationStore>());
        services.AddSingleton(sp => new ConversationService(
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<IOptions<InboxOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IConsentStore>()));
        services.AddSingleton<HandoffDialog>();
        services.AddSingleton<IPurposeDataSweep>(sp => new ConversationMessageSweep(
            sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<IOptions<InboxOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccessReportSection>(sp => new ConversationAccessSection(
            sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<IOptions<InboxOptions>>().Value));
    }
}
