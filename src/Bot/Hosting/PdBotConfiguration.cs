using PdBot.Adapters.LiteDb;

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

    /// <summary>
    /// Overrides the store path (the <c>--db</c> option of the CLI verbs). <c>--db</c> names a LiteDB file, so it also
    /// selects LiteDB where the configuration says PostgreSql (a file kept after a move can still be checked).
    /// </summary>
    public static void OverrideDatabase(IConfigurationBuilder builder, string? dbPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(dbPath))
        {
            builder.AddInMemoryCollection([
                new KeyValuePair<string, string?>("Storage:Path", dbPath),
                new KeyValuePair<string, string?>("Storage:Provider", nameof(StorageProvider.LiteDb)),
            ]);
        }
    }

    /// <summary>
    /// The <c>Storage</c> section with its provider checked (<see cref="StorageOptions.Resolve"/>): a wrong provider or
    /// a missing connection string stops the start with a Russian error.
    /// </summary>
    public static StorageOptions Storage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        storage.Resolve();
        return storage;
    }

    /// <summary>The <c>Storage</c> section a CLI verb would use: the same sources as its own host.</summary>
    public static StorageOptions Storage(IReadOnlyList<string> configArgs, string? dbPath)
    {
        var builder = new ConfigurationBuilder();
        AddSources(builder, [.. configArgs]);
        OverrideDatabase(builder, dbPath);
        return Storage(builder.Build());
    }
}
