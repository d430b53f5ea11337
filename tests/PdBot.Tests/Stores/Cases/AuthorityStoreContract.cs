using PdBot.Core.Authority;

namespace PdBot.Tests.Stores.Cases;

/// <summary>What every <see cref="IAuthorityStore"/> does, written once and run on each provider.</summary>
public abstract class AuthorityStoreContract(CaseStores stores) : CaseStoreContract(stores)
{
    private static readonly DateTime Registered = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    private static AuthorityRequest NewRequest(string number, string? personId = null) => new()
    {
        ReceivedOn = new DateOnly(2026, 11, 20),
        IncomingNumber = number,
        Subject = "сведения об обработке данных субъекта",
        PersonId = personId,
        DueDate = new DateOnly(2026, 12, 4),
        OriginalDueDate = new DateOnly(2026, 12, 4),
        DueIsProvisional = true,
        RegisteredAtUtc = Registered,
        History = [new AuthorityHistoryItem { AtUtc = Registered, Actor = "admin", Event = "registered" }],
    };

    [Fact]
    public async Task A_request_reads_back_whole_after_a_restart_with_its_dates()
    {
        var request = NewRequest("01-23/4567", "p1");
        request.Id = Stores.Authority.NextId();

        await Stores.Authority.SaveAsync(request, [CaseStores.Entry("authority", "registered")]);
        Stores.Reopen();

        var stored = Stores.Authority.Find(request.Id)!;
        Assert.Equal(("01-23/4567", "p1", AuthorityState.Received), (stored.IncomingNumber, stored.PersonId, stored.State));
        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 4), true), (stored.ReceivedOn, stored.DueDate, stored.DueIsProvisional));
        Assert.Equal((Registered, DateTimeKind.Utc), (stored.RegisteredAtUtc, stored.RegisteredAtUtc.Kind));
        Assert.Equal("registered", Assert.Single(stored.History).Event);
        Assert.Null(Stores.Authority.Find(request.Id + 1));
    }

    [Fact]
    public async Task Requests_are_listed_newest_first_and_an_extension_replaces_the_stored_one()
    {
        var first = NewRequest("1");
        var second = NewRequest("2");
        (first.Id, second.Id) = (Stores.Authority.NextId(), Stores.Authority.NextId());
        await Stores.Authority.SaveAsync(first, []);
        await Stores.Authority.SaveAsync(second, []);
        first.State = AuthorityState.Extended;
        first.ExtendedByWorkingDays = 5;
        await Stores.Authority.SaveAsync(first, [CaseStores.Entry("authority", "extended")]);

        var all = Stores.Authority.All();

        Assert.Equal([second.Id, first.Id], all.Select(r => r.Id));
        Assert.Equal((AuthorityState.Extended, 5), (all[1].State, all[1].ExtendedByWorkingDays));
    }

    [Fact]
    public async Task Numbers_go_on_after_a_restart_and_the_chain_verifies()
    {
        var request = NewRequest("1");
        request.Id = Stores.Authority.NextId();
        await Stores.Authority.SaveAsync(request, [CaseStores.Entry("authority", "registered")]);

        Stores.Reopen();
        var next = Stores.Authority.NextId();

        Assert.True(next > request.Id);
        var chain = Stores.Audit.Verify();
        Assert.True(chain.IsIntact, chain.Problem);
        Assert.Equal(1, chain.IntactCount);
    }
}
