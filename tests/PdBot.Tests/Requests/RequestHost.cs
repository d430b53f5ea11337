using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Requests;

/// <summary>
/// <see cref="PdBotTestHost"/> (real LiteDB, fake clock at Mon 2026-11-23 12:00 Moscow) with the steps every
/// request test needs: a person on the test channel, and a request taken through intake to received.
/// </summary>
public sealed class RequestHost(Dictionary<string, string?>? overrides = null, string? dbPath = null) : IDisposable
{
    public const string Channel = "test";

    public PdBotTestHost Host { get; } = new(overrides, dbPath);

    public RequestService Service => (RequestService)Host.Services.GetService(typeof(RequestService))!;

    public IRequestStore Requests => (IRequestStore)Host.Services.GetService(typeof(IRequestStore))!;

    public IConsentStore People => Host.Store;

    public IOutbox OutboxStore => (IOutbox)Host.Services.GetService(typeof(IOutbox))!;

    public IReadOnlyList<OutboxMessage> Outbox(string channel = Channel) => OutboxStore.Pending(channel);

    public void Dispose() => Host.Dispose();

    public async Task<Person> PersonAsync(string platformUserId)
    {
        var person = Person.Create(Channel, platformUserId, "chat-" + platformUserId, Host.Clock.GetUtcNow().UtcDateTime);
        await People.SaveAsync(person, personChanged: true, [], []);
        return person;
    }

    /// <summary>Intake started, saved as a draft, then completed: the clock starts now.</summary>
    public async Task<SubjectRequest> ReceiveAsync(Person person, RequestType type, Action<SubjectRequest>? details = null)
    {
        var r = Service.Start(person, type, "document");
        await Service.SaveDraftAsync(r);
        details?.Invoke(r);
        return await Service.ReceiveAsync(person, r);
    }

    /// <summary>Received and the identity confirmed by the operator.</summary>
    public async Task<SubjectRequest> InProgressAsync(Person person, RequestType type = RequestType.Access)
    {
        var r = await ReceiveAsync(person, type);
        var confirmed = await Service.ConfirmIdentityAsync(r.Id, "operator");
        Assert.True(confirmed.Ok, confirmed.Message);
        return Requests.Find(r.Id)!;
    }
}
