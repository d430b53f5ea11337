using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PdBot.Tests.Patients;

/// <summary>The clinic's system as a real HTTP server on 127.0.0.1: records every callback and answers with the next queued status (200 when none).</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackReceiver(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public ConcurrentQueue<int> Statuses { get; } = new();

    public ConcurrentQueue<(byte[] Body, string Signature)> Received { get; } = new();

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        CallbackReceiver? self = null;
        app.MapPost("/callback", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            self!.Received.Enqueue((body.ToArray(), http.Request.Headers["X-PdBot-Signature"].ToString()));
            return Results.StatusCode(self.Statuses.TryDequeue(out var s) ? s : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        self = new CallbackReceiver(app, address + "/callback");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
