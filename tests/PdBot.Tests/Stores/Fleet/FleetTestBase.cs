using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Telegram;
using PdBot.Tests.PostgreSql;
using PdBot.Tests.Telegram;
using global::Telegram.Bot;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>
/// What the tests of several hosts share: one migrated PostgreSQL database, the fake Bot API stamping each call on the
/// test's fake clock, and the hosts' objects, disposed at the end.
/// </summary>
public abstract class FleetTestBase : IAsyncLifetime, IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _owned = [];

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected FakeTelegramServer Telegram { get; private set; } = null!;

    protected string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        Telegram.Clock = Clock;
        Database = PgServer.CreateDatabase();
        using var storage = new PgStorage(Database);
        await new PgMigrator(storage).MigrateAsync();
    }

    public async Task DisposeAsync() => await Telegram.DisposeAsync();

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A host's own connection pool to the shared database.</summary>
    protected PgStorage Connect() => Own(new PgStorage(Database));

    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>The real Telegram adapter, talking to the fake Bot API.</summary>
    protected TelegramAdapter TelegramClient() =>
        new(new TelegramBotClient(new TelegramBotClientOptions(Telegram.Token, Telegram.BaseUrl) { RetryThreshold = 0 }, _http));
}
