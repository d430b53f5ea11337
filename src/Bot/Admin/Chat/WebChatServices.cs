using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Admin.Chat;

/// <summary>Registers the console's test chat: one adapter and one set of transcripts for the whole host.</summary>
public static class WebChatServices
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IConsentStore>();
            return new WebChatSessions(userId => store.FindPerson(WebChatAdapter.Channel, userId) is not null);
        });
        services.AddSingleton<WebChatOutboxMiddleware>();
        services.AddSingleton(sp =>
        {
            var adapter = new WebChatAdapter(
                sp.GetRequiredService<WebChatSessions>(),
                sp.GetRequiredService<IBot>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<WebChatAdapter>>());

            // The terminal chat's pipeline, delivering only test-chat messages.
            return sp.GetRequiredService<TurnPipeline>().Attach(adapter, sp.GetRequiredService<WebChatOutboxMiddleware>());
        });
        return services;
    }
}
