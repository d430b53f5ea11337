namespace PdBot.Tests.Stores.Cases;

/// <summary>The base of the case stores' contract tests: one provider's stores per test, closed after it.</summary>
public abstract class CaseStoreContract(CaseStores stores) : IDisposable
{
    protected CaseStores Stores { get; } = stores;

    public void Dispose()
    {
        Stores.Dispose();
        GC.SuppressFinalize(this);
    }
}
