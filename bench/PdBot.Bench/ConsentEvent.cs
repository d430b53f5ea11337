using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Bench;

/// <summary>
/// What one real turn commits when a new person presses «Отправить»: the person, the given consent
/// and one audit entry (sealed later, on the writing thread). Mirrors what ConsentSession builds.
/// </summary>
internal sealed record ConsentEvent(Person Person, ConsentRecord Record, AuditEntry Entry)
{
    private const string Channel = "bench";
    private const string PurposeId = "newsletter";

    private static readonly ConsentText Text = new(PurposeId, 1, "Я согласен получать рассылку PdBot.");

    /// <summary>Built before the clock starts, so both modes time only the writing.</summary>
    public static IReadOnlyList<ConsentEvent> CreateMany(int count, TimeProvider time)
    {
        var start = time.GetUtcNow().UtcDateTime;
        return [.. Enumerable.Range(1, count).Select(i => Create(i, start))];
    }

    /// <summary>Each event is a different person, so every upsert is an insert, as on a first consent.</summary>
    public static ConsentEvent Create(int index, DateTime start)
    {
        // Events arrive over time (1 ms apart here), as real consents do; person ids are time-ordered.
        var now = start.AddMilliseconds(index);
        var userId = index.ToString(CultureInfo.InvariantCulture);
        var person = Person.Create(Channel, userId, userId, now);
        var record = new ConsentRecord
        {
            Id = ConsentRecord.MakeId(person.Id, PurposeId),
            PersonId = person.Id,
            PurposeId = PurposeId,
            State = ConsentState.Given,
            TextVersion = Text.Version,
            TextHash = Text.Hash,
            Buttons = ["tick", "submit"],
            GivenAtUtc = now,
            UpdatedAtUtc = now,
        };
        var entry = new AuditEntry
        {
            TimeUtc = now,
            Kind = AuditEvents.ConsentKind,
            Event = AuditEvents.Given,
            Channel = Channel,
            UserId = userId,
            PersonId = person.Id,
            MessageId = "m" + userId,
            PurposeId = PurposeId,
            TextVersion = Text.Version,
            TextHash = Text.Hash,
            Buttons = [.. record.Buttons],
        };
        return new ConsentEvent(person, record, entry);
    }
}
