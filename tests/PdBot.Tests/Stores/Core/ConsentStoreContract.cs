using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Stores.Core;

/// <summary>IConsentStore, written once and run on every provider.</summary>
public abstract class ConsentStoreContract : CoreStoreContract
{
    private static readonly DateTime Now = CoreStores.Now;

    private static ConsentRecord Record(Person person, string purpose, ConsentState state, int version = 1) => new()
    {
        Id = ConsentRecord.MakeId(person.Id, purpose),
        PersonId = person.Id,
        PurposeId = purpose,
        State = state,
        TextVersion = version,
        TextHash = "h" + version,
        Buttons = ["tick", "submit"],
        GivenAtUtc = state == ConsentState.Given ? Now : null,
        UpdatedAtUtc = Now,
    };

    private static AuditEntry Entry(Person person, string evt) =>
        new() { TimeUtc = Now, Kind = AuditEvents.ConsentKind, Event = evt, Channel = person.Channel, PersonId = person.Id, UserId = person.PlatformUserId, PurposeId = "mailing", Actor = "person" };

    [Fact]
    public async Task A_saved_person_and_their_consents_read_back_by_platform_id_by_id_and_by_person()
    {
        var person = Person.Create("telegram", "1001", "1001", Now);
        person.Source = "poster";
        await Stores.Consents.SaveAsync(person, personChanged: true, [Record(person, "mailing", ConsentState.Given), Record(person, "review", ConsentState.Declined)], []);

        var found = Stores.Consents.FindPerson("telegram", "1001")!;
        Assert.Equal((person.Id, person.Key, "poster", Now, DateTimeKind.Utc), (found.Id, found.Key, found.Source, found.CreatedAtUtc, found.CreatedAtUtc.Kind));
        Assert.Equal(person.Id, Stores.Consents.FindPersonById(person.Id)!.Id);
        Assert.Null(Stores.Consents.FindPerson("vk", "1001"));
        Assert.Null(Stores.Consents.FindPersonById("nobody"));
        var records = Stores.Consents.RecordsOf(person.Id).OrderBy(r => r.PurposeId, StringComparer.Ordinal).ToList();
        Assert.Equal([("mailing", ConsentState.Given), ("review", ConsentState.Declined)], records.Select(r => (r.PurposeId, r.State)));
        Assert.Equal(["tick", "submit"], records[0].Buttons);
        Assert.Equal(Now, records[0].GivenAtUtc);
        Assert.Empty(Stores.Consents.RecordsOf("nobody"));
    }

    [Fact]
    public async Task A_later_save_replaces_the_records_and_keeps_the_person_unless_it_changed()
    {
        var person = Person.Create("vk", "7", "7", Now);
        await Stores.Consents.SaveAsync(person, personChanged: true, [Record(person, "mailing", ConsentState.Given)], []);

        var changed = Person.Create("vk", "7", "7", Now);
        changed.Id = person.Id;
        changed.Blocked = true;
        await Stores.Consents.SaveAsync(changed, personChanged: false, [Record(person, "mailing", ConsentState.Withdrawn)], []);

        Assert.False(Stores.Consents.FindPersonById(person.Id)!.Blocked);
        Assert.Equal(ConsentState.Withdrawn, Assert.Single(Stores.Consents.RecordsOf(person.Id)).State);

        await Stores.Consents.SaveAsync(changed, personChanged: true, [], []);
        Assert.True(Stores.Consents.FindPerson("vk", "7")!.Blocked);
    }

    [Fact]
    public async Task Inside_a_turn_reads_see_what_the_turn_saved_and_the_store_has_it_only_after_the_commit()
    {
        var known = Person.Create("telegram", "1", "1", Now);
        await Stores.Consents.SaveAsync(known, personChanged: true, [Record(known, "mailing", ConsentState.Given)], []);
        var fresh = Person.Create("telegram", "2", "2", Now);

        var turn = Stores.BeginTurn();
        using (turn)
        {
            await Stores.Consents.SaveAsync(fresh, personChanged: true, [Record(fresh, "mailing", ConsentState.Offered)], [Entry(fresh, "offered")]);
            await Stores.Consents.SaveAsync(known, personChanged: false, [Record(known, "mailing", ConsentState.Withdrawn), Record(known, "review", ConsentState.Given)], [Entry(known, AuditEvents.Withdrawn)]);

            Assert.Equal(fresh.Id, Stores.Consents.FindPerson("telegram", "2")!.Id);
            Assert.Equal(fresh.Id, Stores.Consents.FindPersonById(fresh.Id)!.Id);
            Assert.Equal(ConsentState.Offered, Assert.Single(Stores.Consents.RecordsOf(fresh.Id)).State);
            Assert.Equal([("mailing", ConsentState.Withdrawn), ("review", ConsentState.Given)],
                Stores.Consents.RecordsOf(known.Id).Select(r => (r.PurposeId, r.State)).OrderBy(r => r.PurposeId, StringComparer.Ordinal));
        }

        Assert.Null(Stores.Consents.FindPerson("telegram", "2"));
        Assert.Equal(ConsentState.Given, Assert.Single(Stores.Consents.RecordsOf(known.Id)).State);
        Assert.Empty(Stores.Audit.ReadAll());

        await Stores.CommitTurnAsync(turn);

        Assert.Equal(fresh.Id, Stores.Consents.FindPerson("telegram", "2")!.Id);
        Assert.Equal(2, Stores.Consents.RecordsOf(known.Id).Count);
        Assert.Equal(["offered", AuditEvents.Withdrawn], Stores.Audit.ReadAll().Select(e => e.Event));
        Assert.True(Stores.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_save_appends_its_audit_entries_in_order_and_the_chain_verifies()
    {
        var a = Person.Create("telegram", "10", "10", Now);
        var b = Person.Create("vk", "20", "20", Now);

        await Stores.Consents.SaveAsync(a, personChanged: true, [Record(a, "mailing", ConsentState.Given)], [Entry(a, "offered"), Entry(a, AuditEvents.Given)]);
        await Stores.Consents.SaveAsync(b, personChanged: true, [Record(b, "mailing", ConsentState.Given)], [Entry(b, AuditEvents.Given)]);

        var entries = Stores.Audit.ReadAll().ToList();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal([a.Id, a.Id, b.Id], entries.Select(e => e.PersonId));
        Assert.Equal(entries[0].Hash, entries[1].PrevHash);
        Assert.True(Stores.Audit.Verify().IsIntact);
        Assert.True(Stores.Audit.VerifyAfter(entries[0].Seq, entries[0].Hash).IsIntact);
    }

    [Fact]
    public async Task Given_consents_of_other_text_versions_are_found_and_the_current_ones_are_not()
    {
        (string User, string Purpose, int Version, ConsentState State)[] rows =
        [
            ("old", "mailing", 1, ConsentState.Given), ("current", "mailing", 2, ConsentState.Given), ("newer", "mailing", 12, ConsentState.Given),
            ("withdrawn", "mailing", 1, ConsentState.Withdrawn), ("other", "consultation", 1, ConsentState.Given),
        ];
        foreach (var (user, purpose, version, state) in rows)
        {
            var person = Person.Create("test", user, user, Now);
            await Stores.Consents.SaveAsync(person, personChanged: true, [Record(person, purpose, state, version)], []);
        }

        var found = Stores.Consents.GivenToOtherVersion("mailing", 2).Select(r => Stores.Consents.FindPersonById(r.PersonId)!.PlatformUserId).Order(StringComparer.Ordinal);

        Assert.Equal(["newer", "old"], found);
    }

    [Fact]
    public async Task Every_record_of_a_purpose_in_a_state_is_read_even_past_one_chunk()
    {
        var people = Enumerable.Range(0, 1500).Select(i => Person.Create("telegram", $"u{i}", $"u{i}", Now)).ToList();
        var records = people.Select((p, i) => Record(p, i % 3 == 0 ? "review" : "mailing", i % 2 == 0 ? ConsentState.Given : ConsentState.Withdrawn)).ToList();
        await Stores.Consents.SaveAsync(people[0], personChanged: true, records, []);

        var given = Stores.Consents.InState("mailing", ConsentState.Given).Select(r => r.Id).ToList();

        var expected = records.Where(r => r.PurposeId == "mailing" && r.State == ConsentState.Given).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, given.Order(StringComparer.Ordinal));
        Assert.Equal(given.Count, given.Distinct().Count());
        Assert.Empty(Stores.Consents.InState("mailing", ConsentState.Ticked));
    }

    [Fact]
    public async Task Texts_are_registered_once_and_a_new_wording_under_a_registered_version_is_a_problem()
    {
        var v1 = new ConsentText("mailing", 1, "Согласие на рассылку.");

        Assert.Empty(await Stores.Consents.RegisterTextsAsync([v1, new ConsentText("review", 3, "Согласие на отзыв.")]));
        Assert.Empty(await Stores.Consents.RegisterTextsAsync([v1]));
        var problems = await Stores.Consents.RegisterTextsAsync([new ConsentText("mailing", 1, "Другой текст.")]);

        Assert.Contains("mailing", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Equal(v1.Text, Stores.Consents.FindText("mailing", 1)!.Text);
        Assert.Equal("Согласие на отзыв.", Stores.Consents.FindText("review", 3)!.Text);
        Assert.Null(Stores.Consents.FindText("mailing", 2));
    }
}
