using PdBot.Adapters.Processing;

namespace PdBot.Bot.Hosting;

/// <summary>
/// <c>GET /health</c>: every registered channel's backlog and whether it is failing, as JSON. Counts and flags only,
/// never a chat, a user or a text.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public const string Ok = "ok";

    public const string Degraded = "degraded";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Always 200: this is a liveness answer (the process runs and serves). A failing platform is reported in
        // the body as "degraded"; restarting the host would not fix it, so it must not make a probe kill us.
        app.MapGet(Path, (IEnumerable<IChannelHealthSource> sources) =>
        {
            ChannelHealth[] channels = [.. sources.Select(s => s.Health())];
            var status = channels.Any(c => c.Failing) ? Degraded : Ok;
            return Results.Json(new { status, channels });
        });
        return app;
    }
}
