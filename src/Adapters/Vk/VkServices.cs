using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Vk.Api;

namespace PdBot.Adapters.Vk;

/// <summary>Registers the VK channel when <c>Vk:AccessToken</c> is set; otherwise nothing.</summary>
public static class VkServices
{
    public static IServiceCollection AddVk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VkOptions>().BindConfiguration("Vk");
        var options = configuration.GetSection("Vk").Get<VkOptions>() ?? new VkOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        // The token is a form field, not in the URL, but request logging is still of no use here.
        services.AddHttpClient("vk").RemoveAllLoggers();
        services.AddHttpClient(VkLongPoll.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(options.LongPollWaitSeconds + 15)).RemoveAllLoggers();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VkOptions>>().Value;
            return new VkApi(sp.GetRequiredService<IHttpClientFactory>().CreateClient("vk"),
                new VkApiOptions { AccessToken = o.AccessToken, GroupId = o.GroupId, BaseUrl = o.ApiBaseUrl }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<VkAdapter>();
        services.AddSingleton<VkChannel>();
        services.AddSingleton<Processing.IChannelHealthSource>(sp => sp.GetRequiredService<VkChannel>());
        services.AddHostedService(sp => sp.GetRequiredService<VkChannel>());
        services.AddMailingSender<VkAdapter, VkChannel>();
        if (options.Mode == VkOptions.LongPoll)
        {
            services.AddSingleton<VkLongPoll>();
            services.AddHostedService(sp => sp.GetRequiredService<VkLongPoll>());
        }

        return services;
    }
}
