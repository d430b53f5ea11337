using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli;

/// <summary>
/// The shared services for a CLI verb: its own, with logs kept off standard output, or the running host's when the
/// verb came in through the control socket (<see cref="UseLive"/>).
/// </summary>
public static class CliHost
{
    private static readonly AsyncLocal<IServiceProvider?> Live = new();

    /// <summary>True while a verb runs inside the host for a control-socket client.</summary>
    public static bool IsLive => Live.Value is not null;

    /// <summary>Makes verbs started later in this async flow use the running host's services.</summary>
    public static void UseLive(IServiceProvider services) => Live.Value = services;

    /// <param name="services">Registrations a verb adds after the shared ones (ignored inside the running host).</param>
    public static CliServices Build(string? dbPath, IReadOnlyList<string> configArgs, Action<IServiceCollection>? services = null)
    {
        if (Live.Value is { } live)
        {
            return new CliServices(live, owned: null);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        PdBotConfiguration.AddSources(builder.Configuration, [.. configArgs]);
        PdBotConfiguration.OverrideDatabase(builder.Configuration, dbPath);
        builder.Logging.ClearProviders();

        // Standard output belongs to the verb (a chat transcript, an export); warnings go to standard error.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPdBot(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        return new CliServices(host.Services, host);
    }
}
