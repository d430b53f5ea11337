namespace PdBot.Tests.Stores.Core;

/// <summary>A contract test class: opens the provider's stores on a fresh store before each test.</summary>
public abstract class CoreStoreContract : IAsyncLifetime
{
    protected CoreStores Stores { get; private set; } = null!;

    /// <summary>The provider's stores, on a store of their own.</summary>
    protected abstract Task<CoreStores> OpenAsync();

    public async Task InitializeAsync() => Stores = await OpenAsync();

    public Task DisposeAsync()
    {
        Stores.Dispose();
        return Task.CompletedTask;
    }
}
