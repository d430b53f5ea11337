using PdBot.Core.Inbox;

namespace PdBot.Tests.Storage;

public sealed class InboxTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IInbox Inbox => (IInbox)_host.Services.GetService(typeof(IInbox))!;

    private static InboxItem Item(string id, DateTime at) => new() { Id = id, Channel = "telegram", Payload = "{}", ReceivedAtUtc = at };

    [Fact]
    public async Task A_redelivered_update_is_not_stored_twice()
    {
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

        Assert.True(await Inbox.TryAddAsync(Item("telegram:1", at)));
        Assert.False(await Inbox.TryAddAsync(Item("telegram:1", at)));
        Assert.Single(Inbox.Unprocessed("telegram"));
    }

    [Fact]
    public async Task The_sweep_forgets_only_processed_updates_older_than_the_cut_off()
    {
        var old = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        var recent = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (id, at) in new[] { ("telegram:1", old), ("telegram:2", old), ("telegram:3", recent) })
        {
            await Inbox.TryAddAsync(Item(id, at));
        }

        // Marked processed the way the loop marks it: in a turn's transaction.
        var first = Inbox.Unprocessed("telegram")[0];
        first.ProcessedAtUtc = recent;
        var transactions = (PdBot.Adapters.Processing.ITurnTransactions)_host.Services.GetService(typeof(PdBot.Adapters.Processing.ITurnTransactions))!;
        using (var turn = transactions.Begin())
        {
            await transactions.CommitAsync(turn, [first], [], default);
        }

        Assert.Equal(1, await Inbox.SweepAsync(recent.AddDays(-2)));
        Assert.Equal(["telegram:2", "telegram:3"], Inbox.Unprocessed("telegram").Select(i => i.Id));
        Assert.True(await Inbox.TryAddAsync(Item("telegram:1", recent)));
    }
}
