using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Requests;

public sealed class RequestPgRegistrationTests
{
    [Fact]
    public void On_PostgreSql_the_inbox_requests_and_outbox_are_the_Pg_stores_and_no_LiteDb_eraser_is_left()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInbox>(_ => throw new InvalidOperationException("the LiteDB inbox was resolved"));
        services.AddSingleton<IRequestStore>(_ => throw new InvalidOperationException("the LiteDB request store was resolved"));
        services.AddSingleton<IOutbox>(_ => throw new InvalidOperationException("the LiteDB outbox was resolved"));
        services.AddSingleton<PdBot.Adapters.LiteDb.IPersonDataEraser>(_ => throw new InvalidOperationException("a LiteDB eraser was resolved"));

        services.AddPostgreSqlStorage(PgServer.ConnectionString);
        using var provider = services.BuildServiceProvider();

        var inbox = Assert.IsType<PgInbox>(provider.GetRequiredService<IInbox>());
        var requests = Assert.IsType<PgRequestStore>(provider.GetRequiredService<IRequestStore>());
        Assert.Same(requests, provider.GetRequiredService<IOutbox>());
        Assert.Contains(inbox, provider.GetServices<IPgPersonDataEraser>());
        Assert.Empty(provider.GetServices<PdBot.Adapters.LiteDb.IPersonDataEraser>());
        var targets = provider.GetServices<IPgCopyTarget>().SelectMany(t => t.Tables.Keys).ToList();
        Assert.Subset(targets.ToHashSet(), new HashSet<string> { "inbox", "cursors", "requests", "outbox", "sequences" });
    }
}
