using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;

namespace PdBot.Tests.Hosting;

/// <summary>The real PdBot host on Kestrel (127.0.0.1, random port) with no platform channel configured.</summary>
public sealed class BareTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareTestHost(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public HttpClient Http { get; } = new();

    public static async Task<BareTestHost> StartAsync(string dbPath, Action<IServiceCollection>? overrides = null)
    {
        var app = ServeVerb.BuildApp(["--urls", "http://127.0.0.1:0", "--Storage:Path", dbPath], overrides);
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BareTestHost(app, address);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(Address + path));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
