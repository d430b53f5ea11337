using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Telegram;

/// <summary>The Telegram channel: the shared processing loop with Telegram's client and mapping; registers the webhook on start.</summary>
public sealed class TelegramChannel(TelegramAdapter client, ITelegramBotClient api, IOptions<TelegramOptions> options, ChannelServices services)
    : PlatformChannel(client, TelegramAdapter.ToActivity, services)
{
    protected override async Task StartingAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Mode == TelegramOptions.Webhook && !string.IsNullOrWhiteSpace(o.WebhookUrl))
        {
            await api.SetWebhook(o.WebhookUrl, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
        }
    }
}
