using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Mailings;

/// <summary>Registers a platform channel's mailing sender (one <see cref="IMailingChannel"/> per enabled channel).</summary>
public static class MailingServices
{
    public static IServiceCollection AddMailingSender<TClient, TChannel>(this IServiceCollection services)
        where TClient : class, IMailingClient
        where TChannel : PlatformChannel
    {
        services.AddSingleton<IMailingChannel>(sp => ActivatorUtilities.CreateInstance<MailingSender>(sp,
            (IMailingClient)sp.GetRequiredService<TClient>(), (PlatformChannel)sp.GetRequiredService<TChannel>()));
        return services;
    }
}
