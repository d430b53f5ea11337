using PdBot.Adapters.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.PostgreSql;

public sealed class PgFoundationTests
{
    [Fact]
    public async Task Migrations_apply_once_and_a_second_run_applies_nothing()
    {
        using var storage = new PgStorage(PgServer.CreateDatabase());
        var migrator = new PgMigrator(storage);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(PgMigrator.All.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(PgMigrator.All[^1].Version, migrator.CurrentVersion());
    }

    [Fact]
    public void An_object_read_back_from_its_document_keeps_utc_times_and_every_field()
    {
        var given = new DateTime(2026, 11, 30, 21, 15, 3, 123, DateTimeKind.Utc);
        var record = new ConsentRecord { Id = "c1", PersonId = "p1", PurposeId = "mailing", TextVersion = 3, State = ConsentState.Given, GivenAtUtc = given };

        var back = PgDocuments.FromJson<ConsentRecord>(PgDocuments.ToJson(record));

        Assert.Equal(DateTimeKind.Utc, back.GivenAtUtc!.Value.Kind);
        Assert.Equal(given, back.GivenAtUtc);
        Assert.Equal((record.Id, record.PersonId, record.PurposeId, record.TextVersion, record.State), (back.Id, back.PersonId, back.PurposeId, back.TextVersion, back.State));
    }

    [Fact]
    public async Task Writes_inside_a_turn_wait_for_the_turns_commit_and_a_dropped_turn_writes_nothing()
    {
        using var storage = new PgStorage(PgServer.CreateDatabase());
        await new PgMigrator(storage).MigrateAsync();
        var person = new Person { Id = "p1" };

        using (PgTurnWrites.Begin())
        {
            await storage.WriteAsync(tx => tx.ExecuteAsync("INSERT INTO meta (id, doc) VALUES ($1, $2::jsonb)", "dropped", PgDocuments.ToJson(person)));
        }

        PgTurnWrites turn;
        using (turn = PgTurnWrites.Begin())
        {
            await storage.WriteAsync(tx => tx.ExecuteAsync("INSERT INTO meta (id, doc) VALUES ($1, $2::jsonb)", "kept", PgDocuments.ToJson(person)));
            Assert.Empty(storage.Query("SELECT id FROM meta", r => r.GetString(0)));
        }

        await storage.CommitNowAsync(turn.ApplyAsync);

        Assert.Equal(["kept"], storage.Query("SELECT id FROM meta", r => r.GetString(0)));
        Assert.Equal("p1", storage.Documents<Person>("SELECT doc FROM meta")[0].Id);
    }

    [Fact]
    public async Task Audit_entries_appended_from_concurrent_transactions_form_one_chain_that_verifies_and_an_edit_breaks_it()
    {
        using var storage = new PgStorage(PgServer.CreateDatabase());
        await new PgMigrator(storage).MigrateAsync();
        var audit = new PgAuditLog(storage);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => audit.AppendAsync(
            [new AuditEntry { TimeUtc = new DateTime(2026, 12, 1, 10, 0, i, DateTimeKind.Utc), Kind = "test", Event = "e" + i, Channel = "local", Actor = "test" }])));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), audit.ReadAll().Select(e => e.Seq));
        Assert.True(audit.Verify().IsIntact);
        storage.Execute("UPDATE audit SET doc = jsonb_set(doc, '{Event}', '\"edited\"') WHERE seq = 7");
        Assert.False(audit.Verify().IsIntact);
    }
}
