using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Stores.Core;

/// <summary>
/// <c>pdbot db copy</c> of the core collections: a LiteDB store filled through the LiteDB stores, copied in one transaction,
/// read back through the PostgreSQL stores with the same objects and the same audit chain.
/// </summary>
public sealed class CoreCopyTests
{
    private static readonly DateTime Now = CoreStores.Now;

    private static IPgCopyTarget[] Targets => [new PgConsentCopy(), new PgAuditCopy(), new PgAdminAccountsCopy(), new PgApiKeysCopy(), new PgAlertCopy()];

    [Fact]
    public async Task A_copied_store_reads_back_the_same_through_the_postgresql_stores_and_its_chain_verifies_with_the_same_hashes()
    {
        using var lite = new LiteCoreStores();
        var people = await FillAsync(lite);
        using var pg = await PgCoreStores.CreateAsync();

        await pg.Storage.CommitNowAsync(async tx =>
        {
            foreach (var target in Targets)
            {
                await target.CopyAsync(lite.Storage.Database, tx);
            }
        });

        foreach (var person in people)
        {
            var copied = pg.Consents.FindPerson(person.Channel, person.PlatformUserId)!;
            Assert.Equal(PgDocuments.ToJson(lite.Consents.FindPersonById(person.Id)), PgDocuments.ToJson(copied));
            Assert.Equal(Json(lite.Consents.RecordsOf(person.Id)), Json(pg.Consents.RecordsOf(person.Id)));
        }

        Assert.Equal(Json(lite.Consents.InState("mailing", ConsentState.Given).OrderBy(r => r.Id, StringComparer.Ordinal)), Json(pg.Consents.InState("mailing", ConsentState.Given).OrderBy(r => r.Id, StringComparer.Ordinal)));
        Assert.Equal(Json(lite.Consents.GivenToOtherVersion("mailing", 2)), Json(pg.Consents.GivenToOtherVersion("mailing", 2)));
        Assert.Equal(lite.Consents.FindText("mailing", 1), pg.Consents.FindText("mailing", 1));
        Assert.Equal(Json(lite.Admins.All()), Json(pg.Admins.All()));
        Assert.Equal(Json(lite.ApiKeys.All()), Json(pg.ApiKeys.All()));
        Assert.True(pg.ApiKeys.Find("crm")!.Revoked);
        Assert.Equal(Json(lite.Alerts.Open()), Json(pg.Alerts.Open()));
        Assert.Equal("oleg", pg.Alerts.FindByKey("a")!.AcknowledgedBy);

        var liteTrail = lite.Audit.ReadAll().Select(e => (e.Seq, e.Hash, e.PrevHash)).ToList();
        Assert.Equal(liteTrail, pg.Audit.ReadAll().Select(e => (e.Seq, e.Hash, e.PrevHash)));
        Assert.Equal(Json(lite.Audit.ReadAll()), Json(pg.Audit.ReadAll()));
        Assert.Equal((liteTrail[^1].Seq, liteTrail[^1].Hash), pg.AuditLog.Head());
        var verification = pg.AuditLog.Verify();
        Assert.True(verification.IsIntact);
        Assert.Equal(liteTrail.Count, verification.IntactCount);
        Assert.Equal(
            Json(lite.Audit.Query(AuditQuery.ConsentLog() with { Person = "1" })),
            Json(pg.Audit.Query(AuditQuery.ConsentLog() with { Person = "1" })));

        Assert.Equal(Json([new BackupLog(lite.Storage, (LiteAuditLog)lite.Audit).Last()!]), Json(pg.Storage.Documents<LastBackup>("SELECT doc FROM meta WHERE id = $1", LastBackup.Key)));
    }

    [Fact]
    public async Task After_a_copy_the_chain_goes_on_from_the_copied_head_and_new_alert_ids_come_after_the_copied_ones()
    {
        using var lite = new LiteCoreStores();
        await FillAsync(lite);
        var lastAlert = lite.Alerts.FindByKey("b")!.Id;
        using var pg = await PgCoreStores.CreateAsync();
        await pg.Storage.CommitNowAsync(async tx =>
        {
            foreach (var target in Targets)
            {
                await target.CopyAsync(lite.Storage.Database, tx);
            }
        });

        var person = Person.Create("vk", "new", "new", Now);
        await pg.Consents.SaveAsync(person, personChanged: true, [], [new AuditEntry { TimeUtc = Now, Kind = "consent", Event = "offered", Channel = "vk", PersonId = person.Id, Actor = "person" }]);
        var alert = new SystemAlert { Kind = AlertKinds.SignInBurst, Key = "new", Text = "Новое.", RaisedAtUtc = Now };
        await pg.Alerts.AddAsync(alert, [], []);

        Assert.True(alert.Id > lastAlert + IdSequence.Block - 1);
        Assert.True(pg.AuditLog.Verify().IsIntact);
        Assert.Equal(lite.Audit.ReadAll().Count() + 1, pg.Audit.ReadAll().Count());
    }

    [Fact]
    public async Task A_trail_longer_than_the_read_chunks_and_batches_copies_whole_with_the_same_hashes()
    {
        using var lite = new LiteCoreStores();
        await lite.Audit.AppendAsync([.. Enumerable.Range(0, 2600).Select(i => Audit("e" + i))]);
        using var pg = await PgCoreStores.CreateAsync();

        await pg.Storage.CommitNowAsync(tx => new PgAuditCopy().CopyAsync(lite.Storage.Database, tx));

        Assert.Equal(lite.Audit.ReadAll().Select(e => (e.Seq, e.Hash)), pg.Audit.ReadAll().Select(e => (e.Seq, e.Hash)));
        Assert.Equal(AuditVerification.Intact(2600), pg.AuditLog.Verify());
    }

    [Fact]
    public async Task An_empty_store_copies_to_empty_tables_and_a_chain_that_verifies()
    {
        using var lite = new LiteCoreStores();
        using var pg = await PgCoreStores.CreateAsync();

        await pg.Storage.CommitNowAsync(async tx =>
        {
            foreach (var target in Targets)
            {
                await target.CopyAsync(lite.Storage.Database, tx);
            }
        });

        Assert.Empty(pg.Audit.ReadAll());
        Assert.Null(pg.AuditLog.Head());
        Assert.True(pg.AuditLog.Verify().IsIntact);
        Assert.Equal(0, pg.Admins.Count());
        foreach (var table in Targets.SelectMany(t => t.Tables.Values).OfType<string>())
        {
            Assert.Equal(0L, pg.Storage.Query($"SELECT count(*) FROM {table}", r => r.GetInt64(0))[0]);
        }
    }

    private static string Json<T>(IEnumerable<T> items) => string.Join("\n", items.Select(i => PgDocuments.ToJson(i)));

    /// <summary>People with consents (and their audit entries), texts, accounts, keys, alerts and a backup record.</summary>
    private static async Task<List<Person>> FillAsync(LiteCoreStores lite)
    {
        var people = new List<Person>();
        for (var i = 0; i < 30; i++)
        {
            var person = Person.Create(i % 2 == 0 ? "telegram" : "vk", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "c" + i, Now.AddMinutes(i));
            person.Blocked = i == 5;
            person.Source = i % 3 == 0 ? "site" : null;
            var record = new ConsentRecord
            {
                Id = ConsentRecord.MakeId(person.Id, "mailing"),
                PersonId = person.Id,
                PurposeId = "mailing",
                State = i % 4 == 0 ? ConsentState.Withdrawn : ConsentState.Given,
                TextVersion = i % 3 == 0 ? 1 : 2,
                TextHash = "h",
                Buttons = ["tick", "submit"],
                GivenAtUtc = Now.AddMinutes(i),
                Topics = i % 5 == 0 ? ["news"] : null,
                UpdatedAtUtc = Now.AddMinutes(i),
            };
            var entry = new AuditEntry
            {
                TimeUtc = Now.AddMinutes(i),
                Kind = AuditEvents.ConsentKind,
                Event = AuditEvents.Given,
                Channel = person.Channel,
                PersonId = person.Id,
                UserId = person.PlatformUserId,
                PurposeId = "mailing",
                TextVersion = record.TextVersion,
                TextHash = "h",
                Buttons = ["tick", "submit"],
                Actor = "person",
                Detail = "подробности",
            };
            await lite.Consents.SaveAsync(person, personChanged: true, [record], [entry]);
            people.Add(person);
        }

        await lite.Consents.RegisterTextsAsync([new ConsentText("mailing", 1, "Текст 1."), new ConsentText("mailing", 2, "Текст 2.")]);
        await lite.Admins.AddAsync(new AdminAccount { Login = "oleg", PasswordHash = "x", CreatedAtUtc = Now, LockedUntilUtc = Now.AddHours(1) }, Audit("admin-added"));
        await lite.Admins.AddAsync(new AdminAccount { Login = "anna", Role = AdminRole.Auditor, PasswordHash = "y", CreatedAtUtc = Now }, Audit("admin-added"));
        await lite.ApiKeys.AddAsync(new ApiKey { Name = "mis", Scope = "requests", Hash = "h1", CreatedAtUtc = Now, CreatedBy = "oleg" }, Audit("api-key-added"));
        await lite.ApiKeys.AddAsync(new ApiKey { Name = "crm", Scope = "requests", Hash = "h2", CreatedAtUtc = Now, CreatedBy = "oleg", RevokedAtUtc = Now, RevokedBy = "anna" }, Audit("api-key-added"));
        foreach (var key in new[] { "a", "b" })
        {
            await lite.Alerts.AddAsync(new SystemAlert { Kind = AlertKinds.Lockout, Key = key, Text = "Заблокировано.", RaisedAtUtc = Now }, [new OutboxMessage { Channel = "telegram", ChatId = "-1", Text = "Заблокировано.", CreatedAtUtc = Now }], [Audit("alert-raised")]);
        }

        var a = lite.Alerts.FindByKey("a")!;
        (a.AcknowledgedAtUtc, a.AcknowledgedBy) = (Now.AddHours(2), "oleg");
        await lite.Alerts.SaveAsync(a, [Audit("alert-acknowledged")]);
        await new BackupLog(lite.Storage, (LiteAuditLog)lite.Audit).RecordAsync(new LastBackup { TimeUtc = Now, File = "/backups/pdbot-1.db", SizeBytes = 4096, Intact = true }, Audit("backup-made"));
        return people;
    }

    private static AuditEntry Audit(string evt) => new() { TimeUtc = Now, Kind = "admin", Event = evt, Channel = "admin", Actor = "cli" };
}
