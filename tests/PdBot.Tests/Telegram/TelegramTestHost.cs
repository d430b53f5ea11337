using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Telegram;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Telegram;

/// <summary>
/// The real PdBot host on Kestrel (127.0.0.1, random port) talking to a <see cref="FakeTelegramServer"/>,
/// with a fake clock. Restart with <see cref="StartAsync"/> on the same folder to test crash recovery.
/// </summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret_123";
    private readonly HttpClient _http = new();

    private TelegramTestHost(WebApplication app, string address, FakeTimeProvider clock)
    {
        App = app;
        Address = address;
        Clock = clock;
    }

    public WebApplication App { get; }

    public string Address { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => App.Services;

    public List<AuditEntry> ConsentEvents(string evt) =>
        [.. Services.GetRequiredService<IAuditLog>().ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind && e.Event == evt)];

    public IConsentStore Store => Services.GetRequiredService<IConsentStore>();

    /// <param name="settings">More command-line settings ("--Processing:MaxUnprocessedUpdates", "2"…).</param>
    public static async Task<TelegramTestHost> StartAsync(FakeTelegramServer telegram, string dbPath, string mode = TelegramOptions.Webhook, FakeTimeProvider? clock = null, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Storage:Path", dbPath,
            "--Telegram:Token", telegram.Token, "--Telegram:ApiBaseUrl", telegram.BaseUrl,
            "--Telegram:Mode", mode, "--Telegram:WebhookSecret", Secret, "--Telegram:PollingTimeoutSeconds", "1",
            .. settings,
        ];
        var fake = clock;
        var app = ServeVerb.BuildApp(args, s => s.AddSingleton<TimeProvider>(fake));
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TelegramTestHost(app, address, clock);
    }

    /// <summary>Posts an update to the webhook as Telegram would.</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Address + TelegramEndpoints.Route))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramEndpoints.SecretHeader, secret);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>Processes what is stored now (the background worker may also do it; each update runs once).</summary>
    public Task ProcessAsync() => Services.GetRequiredService<TelegramChannel>().RunOnceAsync(default);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>Waits (up to 10 s of real time) for asynchronous processing to reach a state.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "Timed out waiting for: " + what);
    }
}
