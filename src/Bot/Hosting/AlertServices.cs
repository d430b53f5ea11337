using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Alerts;
using PdBot.Core.Requests;

namespace PdBot.Bot.Hosting;

/// <summary>Operators' alerts: the board (home page and admin chat) and the checks that raise them.</summary>
public static class AlertServices
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<LiteAlertStore>();
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<LiteAlertStore>());
        services.AddSingleton(sp => new AlertBoard(
            sp.GetRequiredService<IAlertStore>(),
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditChainWatch>();
        services.AddSingleton<ChainCheckWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChainCheckWorker>());
        return services;
    }
}
