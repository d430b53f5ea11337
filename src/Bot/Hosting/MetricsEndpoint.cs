using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using PdBot.Adapters.Processing;
using Prometheus;

namespace PdBot.Bot.Hosting;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format: PdBot's own metrics (<see cref="ProcessingMetrics"/>)
/// and the default process and .NET runtime ones, nothing per request.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The only .NET meter exported: ASP.NET Core's and HttpClient's meters carry routes and addresses.</summary>
    private const string RuntimeMeter = "System.Runtime";

    public static IEndpointRouteBuilder MapPdBotMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The adapter starts listening at the first scrape, so this takes effect when set before any /metrics request.
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = IsRuntimeInstrument);

        // Registers PdBot's metrics now, so a scrape lists them before the first update arrives.
        RuntimeHelpers.RunClassConstructor(typeof(ProcessingMetrics).TypeHandle);
        app.MapMetrics(Path);
        return app;
    }

    private static bool IsRuntimeInstrument(Instrument instrument) => instrument.Meter.Name == RuntimeMeter;
}
