using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PdBot.Bench.Webhook;

/// <summary>
/// The anchor: an ASP.NET Core POST endpoint in the same process that reads the body and answers 200,
/// i.e. what the machine can do before PdBot does any work.
/// </summary>
internal sealed class EmptyEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmptyEndpoint(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<EmptyEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/empty", async (HttpRequest request) =>
        {
            // Read the body the way any real endpoint must, then drop it.
            var buffer = new byte[4096];
            while (await request.Body.ReadAsync(buffer) > 0)
            {
            }

            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new EmptyEndpoint(app, address + "/empty");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
