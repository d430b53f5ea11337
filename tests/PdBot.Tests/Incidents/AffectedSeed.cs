using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Incidents;

/// <summary>People stored with a consent entry in the audit trail at a given time, as the bot would leave them.</summary>
internal static class AffectedSeed
{
    public static async Task<Person> PersonAsync(
        IServiceProvider services, string channel, string userId, string purpose, DateTime atUtc, bool blocked = false, bool erased = false)
    {
        var store = services.GetRequiredService<IConsentStore>();
        var person = Person.Create(channel, userId, userId, atUtc);
        person.Blocked = blocked;
        if (erased)
        {
            (person.ErasedAtUtc, person.PlatformUserId, person.ChatId) = (atUtc, "", "");
        }

        var entry = new AuditEntry
        {
            TimeUtc = atUtc,
            Kind = AuditEvents.ConsentKind,
            Event = AuditEvents.Given,
            Channel = channel,
            UserId = userId,
            PersonId = person.Id,
            PurposeId = purpose,
        };
        await store.SaveAsync(person, personChanged: true, [], [entry]);
        return person;
    }
}
