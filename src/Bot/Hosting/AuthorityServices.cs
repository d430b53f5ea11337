using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Authority;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Core.Unlawful;

namespace PdBot.Bot.Hosting;

/// <summary>Roskomnadzor requests (policy 1.3.2), operator-found unlawful processing (6.2.8, 6.2.11) with their clock, and the chat's violation report.</summary>
public static class AuthorityServices
{
    public static IServiceCollection AddAuthority(this IServiceCollection services)
    {
        services.AddSingleton<LiteAuthorityStore>();
        services.AddSingleton<IAuthorityStore>(sp => sp.GetRequiredService<LiteAuthorityStore>());
        services.AddSingleton<LiteUnlawfulStore>();
        services.AddSingleton<IUnlawfulStore>(sp => sp.GetRequiredService<LiteUnlawfulStore>());
        services.AddSingleton<AuthorityService>();
        services.AddSingleton(sp => new UnlawfulDestruction(
            sp.GetRequiredService<RequestService>(),
            sp.GetRequiredService<ConsentCatalog>(),
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value));
        services.AddSingleton(sp => new UnlawfulService(
            sp.GetRequiredService<IUnlawfulStore>(),
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<IAuthorityStore>(),
            sp.GetRequiredService<UnlawfulDestruction>(),
            sp.GetRequiredService<ProductionCalendar>(),
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PdBot.Bot.Conversation.Violations.ViolationDialog>();
        services.AddSingleton<AuthorityDeadlineAlerts>();
        services.AddSingleton<AuthorityClockWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AuthorityClockWorker>());
        return services;
    }
}
