using PdBot.Core.Outbox;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Stores.Cases;

/// <summary>What every <see cref="IUnlawfulStore"/> does, written once and run on each provider.</summary>
public abstract class UnlawfulStoreContract(CaseStores stores) : CaseStoreContract(stores)
{
    private static readonly DateTime Registered = new(2026, 11, 23, 9, 45, 0, DateTimeKind.Utc);

    private UnlawfulCase NewCase(string personId) => new()
    {
        Id = Stores.Unlawful.NextId(),
        PersonId = personId,
        What = "рассылка без действующего согласия",
        DetectedOn = new DateOnly(2026, 11, 23),
        StopDue = new DateOnly(2026, 11, 26),
        DestroyDue = new DateOnly(2026, 12, 3),
        RegisteredAtUtc = Registered,
        History = [new UnlawfulHistoryItem { AtUtc = Registered, Actor = "admin", Event = "registered" }],
    };

    [Fact]
    public async Task A_case_reads_back_whole_after_a_restart()
    {
        var @case = NewCase("p1");

        await Stores.Unlawful.SaveAsync(@case, [], [CaseStores.Entry("unlawful", "registered")]);
        Stores.Reopen();

        var stored = Stores.Unlawful.Find(@case.Id)!;
        Assert.Equal(("p1", UnlawfulState.Detected, "рассылка без действующего согласия"), (stored.PersonId, stored.State, stored.What));
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 3)), (stored.StopDue, stored.DestroyDue));
        Assert.Equal((Registered, DateTimeKind.Utc), (stored.RegisteredAtUtc, stored.RegisteredAtUtc.Kind));
        Assert.Equal("registered", Assert.Single(stored.History).Event);
        Assert.Null(Stores.Unlawful.Find(@case.Id + 1));
    }

    [Fact]
    public async Task Cases_are_listed_newest_first_and_numbers_go_on_after_a_restart()
    {
        var first = NewCase("p1");
        var second = NewCase("p2");
        await Stores.Unlawful.SaveAsync(first, [], []);
        await Stores.Unlawful.SaveAsync(second, [], []);
        first.State = UnlawfulState.Stopped;
        await Stores.Unlawful.SaveAsync(first, [], []);

        Stores.Reopen();

        Assert.Equal([second.Id, first.Id], Stores.Unlawful.All().Select(c => c.Id));
        Assert.Equal(UnlawfulState.Stopped, Stores.Unlawful.All()[1].State);
        Assert.True(Stores.Unlawful.NextId() > second.Id);
    }

    [Fact]
    public async Task The_persons_notice_is_queued_with_the_case_and_the_chain_verifies()
    {
        var @case = NewCase("p1");
        var notice = new OutboxMessage
        {
            Channel = "test",
            ChatId = "chat-1",
            Text = "Обработка ваших данных прекращена",
            Kind = "unlawful-notice",
            CreatedAtUtc = Registered,
        };

        await Stores.Unlawful.SaveAsync(@case, [notice], [CaseStores.Entry("unlawful", "stopped"), CaseStores.Entry("unlawful", "notified")]);

        Assert.True(notice.Id > 0);
        Assert.Equal("chat-1", Assert.Single(Stores.Incidents.OutboxMessages([notice.Id])).ChatId);
        Assert.Equal(["stopped", "notified"], Stores.Audit.ReadAll().Select(e => e.Event));
        var chain = Stores.Audit.Verify();
        Assert.True(chain.IsIntact, chain.Problem);
    }
}
