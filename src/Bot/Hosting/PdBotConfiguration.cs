namespace PdBot.Bot.Hosting;

/// <summary>
/// Where settings come from, later ones winning: the root appsettings.json (copied next to the
/// executable), an untracked appsettings.Local.json in the working directory for local secrets,
/// environment variables (Storage__Password, …), then the command line.
/// </summary>
public static class PdBotConfiguration
{
    public const string LocalFile = "appsettings.Local.json";

    public static void AddSources(IConfigurationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Clear();
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), LocalFile), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args);
    }

    /// <summary>Overrides the store path (the <c>--db</c> option of the CLI verbs).</summary>
    public static void OverrideDatabase(IConfigurationBuilder builder, string? dbPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(dbPath))
        {
            builder.AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:Path", dbPath)]);
        }
    }
}
