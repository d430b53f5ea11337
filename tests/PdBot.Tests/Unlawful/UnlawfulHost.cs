using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Unlawful;

/// <summary><see cref="PdBotTestHost"/> (LiteDB on disk unless given another host, fake clock at Mon 2026-11-23) with a person and a registered case.</summary>
public sealed class UnlawfulHost(Dictionary<string, string?>? overrides = null, PdBotTestHost? host = null) : IDisposable
{
    public const string Channel = "test";

    public PdBotTestHost Host { get; } = host ?? new(overrides);

    public UnlawfulService Service => Host.Services.GetRequiredService<UnlawfulService>();

    public IReadOnlyList<OutboxMessage> Outbox() => Host.Services.GetRequiredService<IOutbox>().Pending(Channel);

    public void Dispose() => Host.Dispose();

    /// <summary>A person on the test channel with the given consents in force.</summary>
    public async Task<Person> PersonAsync(string userId, params string[] purposes)
    {
        var session = ConsentSession.Open(Host.Store, Host.Catalog, Host.Clock, Channel, userId, "chat-" + userId);
        foreach (var p in purposes)
        {
            Assert.True(session.Offer(p) && session.Tick(p) && session.Submit(p, null));
        }

        await session.SaveAsync();
        return session.Person;
    }

    public async Task<UnlawfulCase> CaseAsync(Person person, DateOnly? detected = null, long? authorityRequestId = null)
    {
        var (c, error) = await Service.RegisterAsync(new UnlawfulRegistration(person.Id, "рассылка без действующего согласия", detected, authorityRequestId), "admin");
        Assert.True(c is not null, error);
        return c!;
    }
}
