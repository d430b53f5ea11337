using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli;

/// <summary>Builds the shared services for a CLI verb, with logs kept off standard output.</summary>
public static class CliHost
{
    public static IHost Build(string? dbPath, IReadOnlyList<string> configArgs)
    {
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
        return builder.Build();
    }
}
