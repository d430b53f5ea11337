using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Stores.Requests;

/// <summary>A contract test class: each test gets the stores of one provider (<see cref="CreateAsync"/>), fresh.</summary>
public abstract class RequestStoresTest : IAsyncLifetime
{
    protected static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private IRequestStores? _stores;

    protected IRequestStores Stores => _stores ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<IRequestStores> CreateAsync();

    public async Task InitializeAsync() => _stores = await CreateAsync();

    public Task DisposeAsync()
    {
        _stores?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A person of channel "test" with platform id <paramref name="userId"/> (id "p-{userId}"), stored with <paramref name="consents"/>.</summary>
    protected async Task<Person> PersonAsync(string userId, params ConsentRecord[] consents)
    {
        var person = new Person { Id = "p-" + userId, Channel = "test", PlatformUserId = userId, ChatId = "chat-" + userId, Key = Person.MakeKey("test", userId), CreatedAtUtc = T0 };
        await Stores.SavePersonAsync(person, consents);
        return person;
    }
}
