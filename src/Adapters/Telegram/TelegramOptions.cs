namespace PdBot.Adapters.Telegram;

/// <summary>Configuration section <c>Telegram</c>. The channel is off while <see cref="Token"/> is empty.</summary>
public sealed class TelegramOptions
{
    public const string Webhook = "Webhook";
    public const string Polling = "Polling";

    /// <summary>The bot token from @BotFather. A secret: environment variable <c>Telegram__Token</c>, never a committed file.</summary>
    public string Token { get; set; } = "";

    /// <summary>Telegram's API, a local Bot API server, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary><c>Webhook</c> (Telegram posts to /webhooks/telegram) or <c>Polling</c> (getUpdates).</summary>
    public string Mode { get; set; } = Polling;

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; required in webhook mode. A secret too.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>If set, the host registers this public URL with setWebhook at start-up.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Long-poll wait of getUpdates, in seconds.</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>The bot's username without "@" ("meda_clinic_bot"): the console builds t.me subscription links from it.</summary>
    public string BotUsername { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(Token, @"^\d+:[A-Za-z0-9_-]+$"))
        {
            yield return "Telegram:Token does not look like a bot token (digits:letters, from @BotFather)";
        }

        if (Mode != Webhook && Mode != Polling)
        {
            yield return $"Telegram:Mode must be {Webhook} or {Polling}";
        }

        if (Mode == Webhook && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return "Telegram:WebhookSecret is required in Webhook mode (anyone could post updates otherwise)";
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return "Telegram:ApiBaseUrl must be an absolute URL";
        }
    }
}
