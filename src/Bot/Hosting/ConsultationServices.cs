using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Conversation.Consultation;
using PdBot.Core.Leads;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Bot.Hosting;

/// <summary>Consultation requests (policy 2.3.1): the form, the store, the term sweep and the access answer's section.</summary>
public static class ConsultationServices
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddOptions<ConsultationOptions>().BindConfiguration("Consultations");
        services.AddSingleton<LiteLeadStore>();
        services.AddSingleton<ILeadStore>(sp => sp.GetRequiredService<LiteLeadStore>());
        services.AddSingleton<IPersonDataEraser>(sp => sp.GetRequiredService<LiteLeadStore>());
        services.AddSingleton(sp => new LeadService(
            sp.GetRequiredService<ILeadStore>(),
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<IOptions<ConsultationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPurposeDataSweep, LeadTermSweep>();
        services.AddSingleton<IAccessReportSection, LeadAccessSection>();
        services.AddSingleton<ConsultationDialog>();
        return services;
    }
}
