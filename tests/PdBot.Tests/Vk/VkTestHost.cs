using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Vk;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Vk;

/// <summary>
/// The real PdBot host on Kestrel (127.0.0.1) against a <see cref="FakeVkServer"/>, with a fake clock. Disposing it fails
/// the test if PdBot made a call that breaks VK's schema (the fake checks again when it is disposed itself).
/// </summary>
public sealed class VkTestHost : IAsyncDisposable
{
    public const string Secret = "vk-secret";
    public const string Confirmation = "a1b2c3d4";
    private readonly HttpClient _http = new();
    private readonly FakeVkServer _vk;

    private VkTestHost(WebApplication app, string address, FakeTimeProvider clock, FakeVkServer vk) => (App, Address, Clock, _vk) = (app, address, clock, vk);

    public WebApplication App { get; }

    public string Address { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => App.Services;

    public IConsentStore Store => Services.GetRequiredService<IConsentStore>();

    public List<AuditEntry> ConsentEvents(string evt) =>
        [.. Services.GetRequiredService<IAuditLog>().ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind && e.Event == evt)];

    public static async Task<VkTestHost> StartAsync(FakeVkServer vk, string dbPath, string mode = VkOptions.Callback)
    {
        ArgumentNullException.ThrowIfNull(vk);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Storage:Path", dbPath,
            "--Vk:AccessToken", vk.AccessToken, "--Vk:GroupId", vk.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Vk:ApiBaseUrl", vk.BaseUrl, "--Vk:Mode", mode, "--Vk:ConfirmationCode", Confirmation, "--Vk:Secret", Secret,
            "--Vk:LongPollWaitSeconds", "1",
        ];
        var app = ServeVerb.BuildApp(args, s => s.AddSingleton<TimeProvider>(clock));
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new VkTestHost(app, address, clock, vk);
    }

    public async Task<(int Status, string Body)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(Address + VkEndpoints.Route), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task ProcessAsync() => Services.GetRequiredService<VkChannel>().RunOnceAsync(default);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Assert.Empty(_vk.Violations);
    }
}
