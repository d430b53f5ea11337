using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Telegram;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;

namespace PdBot.Bench.Webhook;

/// <summary>
/// The real PdBot host (ServeVerb.BuildApp, the production services and clock) on 127.0.0.1 with Telegram in
/// webhook mode against the fake API, on its own fresh LiteDB file.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    public const string Secret = "bench-secret_123";

    /// <summary>Every host's warnings and errors in this run (the console shows only the bench's own lines).</summary>
    public static readonly HostLog Log = new();

    private BotUnderTest(WebApplication app) => App = app;

    public WebApplication App { get; }

    /// <summary>Where Telegram would post (known once the host listens).</summary>
    public string WebhookUrl =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + TelegramEndpoints.Route;

    public IConsentStore Store => App.Services.GetRequiredService<IConsentStore>();

    public ConsentCatalog Catalog => App.Services.GetRequiredService<ConsentCatalog>();

    public IInbox Inbox => App.Services.GetRequiredService<IInbox>();

    /// <summary>Builds the host, lets <paramref name="seed"/> write to its store before anything runs, then starts it.</summary>
    public static async Task<BotUnderTest> StartAsync(FakeTelegramApi telegram, string dbPath, Func<BotUnderTest, Task>? seed = null)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Storage:Path", dbPath,
            "--Telegram:Token", FakeTelegramApi.Token, "--Telegram:ApiBaseUrl", telegram.BaseUrl,
            "--Telegram:Mode", TelegramOptions.Webhook, "--Telegram:WebhookSecret", Secret,

            // Per-update Information lines would measure the console, not the bot.
            "--Logging:LogLevel:Default", "Warning",
        ];
        var app = ServeVerb.BuildApp(args, services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Log);
        });
        await PdBotServices.PrepareAsync(app.Services, default);
        var bot = new BotUnderTest(app);
        if (seed is not null)
        {
            await seed(bot);
        }

        await app.StartAsync();
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
