using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Mailings;
using global::Telegram.Bot;

namespace PdBot.Adapters.Telegram;

/// <summary>Registers the Telegram channel when <c>Telegram:Token</c> is set; otherwise nothing.</summary>
public static class TelegramServices
{
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelegramOptions>().BindConfiguration("Telegram")
            .Validate(o => !o.Validate().Any(), "Telegram: see the settings' rules (Mode, WebhookSecret, ApiBaseUrl, Token)")
            .ValidateOnStart();
        var options = configuration.GetSection("Telegram").Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        // The token travels in the request path: HttpClient logging would write it to the logs.
        services.AddHttpClient("telegram").RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                return new TelegramBotClient(new TelegramBotClientOptions(o.Token, o.ApiBaseUrl) { RetryThreshold = 0 }, http);
            });
        services.AddSingleton<TelegramAdapter>();
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<Processing.IChannelHealthSource>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddHostedService(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddMailingSender<TelegramAdapter, TelegramChannel>();
        if (options.Mode == TelegramOptions.Polling)
        {
            services.AddSingleton<TelegramPolling>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramPolling>());
        }

        return services;
    }
}
