using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Turns;
using PdBot.Tests.Turns;

namespace PdBot.Tests;

/// <summary>
/// The real services (configuration from the root appsettings.json, a LiteDB file on disk, the real bot)
/// with a fake clock. <see cref="Restart"/> closes and reopens the same file, like a process restart.
/// <see cref="OnPostgreSql"/> gives the same host on a PostgreSQL database.
/// </summary>
public sealed class PdBotTestHost : IDisposable
{
    private readonly Dictionary<string, string?> _overrides;
    private readonly bool _ownsDirectory;
    private ServiceProvider _services;

    public PdBotTestHost(Dictionary<string, string?>? overrides = null, string? dbPath = null)
    {
        Directory = dbPath is null ? Path.Combine(Path.GetTempPath(), "pdbot-tests", Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(dbPath)!;
        DbPath = dbPath ?? Path.Combine(Directory, "pdbot.db");
        _ownsDirectory = dbPath is null;
        _overrides = overrides ?? [];
        _services = Build();
    }

    /// <summary>
    /// The same host on PostgreSQL: a fresh database of its own (<see cref="PostgreSql.PgServer.CreateDatabase"/>),
    /// migrated at start like a real host. <see cref="Restart"/> reopens the same database.
    /// </summary>
    public static PdBotTestHost OnPostgreSql(Dictionary<string, string?>? overrides = null)
    {
        var all = new Dictionary<string, string?>(overrides ?? [])
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = PostgreSql.PgServer.CreateDatabase(),
        };
        return new PdBotTestHost(all);
    }

    /// <summary>The PostgreSQL connection string when the host runs on PostgreSQL (<see cref="OnPostgreSql"/>), else null.</summary>
    public string? ConnectionString => _overrides.TryGetValue("Storage:ConnectionString", out var c) ? c : null;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public string Directory { get; }

    public string DbPath { get; }

    public IServiceProvider Services => _services;

    public IBot Bot => _services.GetRequiredService<IBot>();

    public IConsentStore Store => _services.GetRequiredService<IConsentStore>();

    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();

    public ConsentCatalog Catalog => _services.GetRequiredService<ConsentCatalog>();

    public List<AuditEntry> ConsentEvents(string? evt = null) =>
        [.. Audit.ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind && (evt is null || e.Event == evt))];

    /// <summary>A conversation with the bot as <paramref name="userId"/> on the test channel.</summary>
    public TestFlow Chat(string userId = "u1", string channel = "test") => new(NewAdapter(userId, channel), Bot);

    public TestAdapter NewAdapter(string userId = "u1", string channel = "test")
    {
        var adapter = new TestAdapter(channel, userId);
        _services.GetRequiredService<TurnPipeline>().Attach(adapter);
        adapter.Use(new TurnTransactionMiddleware(_services.GetRequiredService<PdBot.Adapters.Processing.ITurnTransactions>()));
        return adapter;
    }

    public void Restart(Dictionary<string, string?>? overrides = null)
    {
        _services.Dispose();
        foreach (var (k, v) in overrides ?? [])
        {
            _overrides[k] = v;
        }

        _services = Build();
    }

    public void Dispose()
    {
        _services.Dispose();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere in a failing test; the temp folder is cleaned by the OS.
        }
    }

    private ServiceProvider Build()
    {
        var config = new ConfigurationBuilder();
        PdBotConfiguration.AddSources(config, []);
        config.AddInMemoryCollection(new Dictionary<string, string?>(_overrides) { ["Storage:Path"] = DbPath });
        var configuration = config.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPdBot(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        var provider = services.BuildServiceProvider();
        try
        {
            PdBotServices.PrepareAsync(provider, default).GetAwaiter().GetResult();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
