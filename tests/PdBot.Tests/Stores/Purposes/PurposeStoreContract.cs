using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>What every purpose-store contract class shares: a fresh store per test, and audit entries to write with.</summary>
public abstract class PurposeStoreContract : IAsyncLifetime
{
    private PurposeStores? _stores;

    protected PurposeStores Stores => _stores ?? throw new InvalidOperationException("The stores are made in InitializeAsync.");

    protected abstract Task<PurposeStores> CreateAsync();

    public async Task InitializeAsync() => _stores = await CreateAsync();

    public Task DisposeAsync()
    {
        _stores?.Dispose();
        return Task.CompletedTask;
    }

    protected AuditEntry Entry(string evt, string? personId = null) => new()
    {
        TimeUtc = Stores.Now,
        Kind = "test",
        Event = evt,
        Channel = "telegram",
        PersonId = personId,
        Actor = "test",
    };

    /// <summary>The trail holds exactly <paramref name="events"/>, in order, and its chain verifies.</summary>
    protected void AssertTrail(params string[] events)
    {
        Assert.Equal(events, Stores.Audit.ReadAll().Select(e => e.Event));
        Assert.True(Stores.Audit.Verify().IsIntact);
    }
}
