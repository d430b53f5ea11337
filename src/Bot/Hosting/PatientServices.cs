using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Conversation.Patients;
using PdBot.Bot.Patients;
using PdBot.Core.Consent;
using PdBot.Core.Patients;
using PdBot.Core.Requests;

namespace PdBot.Bot.Hosting;

/// <summary>Patients (policy 2.3.2): links, notifications, answers to the clinic's system.</summary>
public static class PatientServices
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration("Notifications");
        services.AddSingleton<LitePatientStore>();
        services.AddSingleton<IPatientStore>(sp => sp.GetRequiredService<LitePatientStore>());
        services.AddSingleton<IPersonDataEraser>(sp => sp.GetRequiredService<LitePatientStore>());
        services.AddSingleton(sp => new PatientService(
            sp.GetRequiredService<IPatientStore>(),
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<ConsentCatalog>(),
            sp.GetRequiredService<IOptions<NotificationsOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccessReportSection, PatientAccessSection>();
        services.AddSingleton<PatientDialog>();
        services.AddHttpClient(nameof(CallbackSender)).RemoveAllLoggers();
        services.AddSingleton<CallbackSender>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackSender>());
        return services;
    }
}
