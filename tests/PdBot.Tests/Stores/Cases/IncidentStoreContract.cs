using PdBot.Core.Incidents;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Stores.Cases;

/// <summary>What every <see cref="IIncidentStore"/> does, written once and run on each provider.</summary>
public abstract class IncidentStoreContract(CaseStores stores) : CaseStoreContract(stores)
{
    private static readonly DateTime Detected = new(2026, 11, 23, 8, 15, 30, 250, DateTimeKind.Utc);

    private static Incident NewIncident(string summary) => new()
    {
        Source = IncidentSource.Console,
        DetectedAtUtc = Detected,
        CreatedAtUtc = Detected,
        UpdatedAtUtc = Detected,
        Summary = summary,
        EstimatedPeople = 3,
        AffectedPersonIds = ["p1", "p2"],
        History = [new IncidentHistoryItem { AtUtc = Detected, Event = "registered", Actor = "admin" }],
    };

    private static OutboxMessage Notice(long id, string chat) =>
        new() { Id = id, Channel = "test", ChatId = chat, Text = "Уведомление об инциденте", Kind = "incident-notice", CreatedAtUtc = Detected };

    [Fact]
    public async Task A_new_incident_gets_the_next_number_and_reads_back_whole()
    {
        var incident = NewIncident("утечка выгрузки");

        await Stores.Incidents.SaveAsync(incident, [], [CaseStores.Entry("incident", "registered")]);
        Stores.Reopen();

        var stored = Stores.Incidents.Find(incident.Id)!;
        Assert.Equal(1, incident.Id);
        Assert.Equal(("утечка выгрузки", 3, IncidentState.Candidate), (stored.Summary, stored.EstimatedPeople, stored.State));
        Assert.Equal(["p1", "p2"], stored.AffectedPersonIds);
        Assert.Equal((Detected, DateTimeKind.Utc), (stored.DetectedAtUtc, stored.DetectedAtUtc.Kind));
        Assert.Equal("registered", Assert.Single(stored.History).Event);
        Assert.Null(Stores.Incidents.Find(99));
    }

    [Fact]
    public async Task The_list_is_newest_first_and_a_save_replaces_the_stored_incident()
    {
        var first = NewIncident("первый");
        var second = NewIncident("второй");
        await Stores.Incidents.SaveAsync(first, [], []);
        await Stores.Incidents.SaveAsync(second, [], []);
        first.State = IncidentState.Open;
        await Stores.Incidents.SaveAsync(first, [], []);

        var list = Stores.Incidents.List();

        Assert.Equal([second.Id, first.Id], list.Select(i => i.Id));
        Assert.Equal(IncidentState.Open, list[1].State);
    }

    [Fact]
    public async Task Numbers_go_on_after_a_restart()
    {
        var first = NewIncident("до перезапуска");
        await Stores.Incidents.SaveAsync(first, [], []);

        Stores.Reopen();
        var next = Stores.Incidents.NextId();

        Assert.True(next > first.Id);
    }

    [Fact]
    public async Task Notices_are_stored_with_the_incident_and_read_back_by_id_in_the_order_asked()
    {
        var first = Stores.Incidents.NextOutboxId();
        var second = Stores.Incidents.NextOutboxId();
        var incident = NewIncident("уведомить затронутых");

        await Stores.Incidents.SaveAsync(incident, [Notice(first, "c1"), Notice(second, "c2")], [CaseStores.Entry("incident", "notified")]);

        Assert.True(second > first);
        var read = Stores.Incidents.OutboxMessages([second, 12345, first]);
        Assert.Equal([(second, "c2"), (first, "c1")], read.Select(m => (m.Id, m.ChatId)));
        Assert.Empty(Stores.Incidents.OutboxMessages([]));
    }

    [Fact]
    public async Task The_audit_entries_commit_with_the_save_and_the_chain_verifies()
    {
        await Stores.Incidents.SaveAsync(NewIncident("первый"), [], [CaseStores.Entry("incident", "registered")]);
        await Stores.Incidents.SaveAsync(NewIncident("второй"), [], [CaseStores.Entry("incident", "registered"), CaseStores.Entry("incident", "confirmed")]);

        Assert.Equal(["registered", "registered", "confirmed"], Stores.Audit.ReadAll().Select(e => e.Event));
        var chain = Stores.Audit.Verify();
        Assert.True(chain.IsIntact, chain.Problem);
        Assert.Equal(3, chain.IntactCount);
    }

    [Fact]
    public async Task Inside_a_turn_the_candidate_is_seen_at_once_and_stored_only_when_the_turn_commits()
    {
        var candidate = NewIncident("сообщение в чате");
        using (var turn = Stores.BeginTurn())
        {
            await Stores.Incidents.SaveAsync(candidate, [], [CaseStores.Entry("incident", "reported")]);

            Assert.Equal("сообщение в чате", Stores.Incidents.Find(candidate.Id)?.Summary);
            Assert.Equal([candidate.Id], Stores.Incidents.List().Select(i => i.Id));
            await Stores.CommitTurnAsync(turn);
        }

        using (Stores.BeginTurn())
        {
            await Stores.Incidents.SaveAsync(NewIncident("брошенный ход"), [], [CaseStores.Entry("incident", "reported")]);
        }

        Stores.Reopen();
        Assert.Equal([candidate.Id], Stores.Incidents.List().Select(i => i.Id));
        Assert.Single(Stores.Audit.ReadAll());
        Assert.True(Stores.Audit.Verify().IsIntact);
    }
}
