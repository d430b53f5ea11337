using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Cli;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Tests.Backup;

namespace PdBot.Tests.Stores.Copy;

/// <summary>
/// <c>pdbot db copy</c> with the stores' own copy targets (as registered for Storage:Provider = PostgreSql): a LiteDB
/// store written through the real services, copied, then read back through the PostgreSQL stores.
/// </summary>
public sealed class DbCopyRoundTripPostgreSqlTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_store_written_by_the_bots_services_reads_back_through_the_PostgreSql_stores_with_the_chain_intact()
    {
        long requestId;
        long entries;
        using (var lite = new PdBotTestHost(new() { ["Storage:Password"] = "секрет" }, dbPath: Db))
        {
            foreach (var user in new[] { "anna", "boris", "vera" })
            {
                await BackupFiles.GiveAsync(lite, user);
            }

            var anna = lite.Store.FindPerson("test", "anna")!;
            var request = new SubjectRequest { PersonId = anna.Id, Type = RequestType.Access, CreatedAtUtc = BackupFiles.Time, DueDate = new DateOnly(2026, 12, 7) };
            request.History.Add(new RequestHistoryItem(BackupFiles.Time, RequestAction.Received, Actors.Person));
            await lite.Services.GetRequiredService<IRequestStore>().SaveAsync(
                request, [new AuditEntry { TimeUtc = BackupFiles.Time, Kind = "request", Event = "received", Channel = "test", PersonId = anna.Id, Actor = "person" }], []);
            requestId = request.Id;

            // And a conversation with the bot itself: whatever it stores on the way must be copied too.
            await lite.Chat("dasha").Send("Здравствуйте").SkipReplies().Send("/privacy").SkipReplies().StartTestAsync();
            entries = lite.Audit.ReadAll().LongCount();
        }

        var connection = PostgreSql.PgServer.CreateDatabase();
        var (code, output, error) = await CopyStores.RunCopyAsync(Db, connection, ["--Storage:Password", "секрет"]);

        Assert.True(code == 0, error + output);
        Assert.Equal("", error);
        Assert.Matches(@"people → people\s+4\s+4\s+✓", output);
        Assert.Matches(@"consents → consents\s+4\s+4\s+✓", output);
        Assert.Matches(@"requests → requests\s+1\s+1\s+✓", output);
        Assert.Matches($@"audit → audit\s+{entries}\s+{entries}\s+✓", output);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.Contains($"Цепочка аудита в LiteDB: цела, записей — {entries}; в PostgreSQL: цела, записей — {entries}.", output, StringComparison.Ordinal);
        Assert.Contains("Итог: копия совпадает с базой LiteDB, цепочка аудита цела.", output, StringComparison.Ordinal);

        using var pg = CliHost.Build(null, ["--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection]);
        var store = pg.Services.GetRequiredService<IConsentStore>();
        Assert.IsType<PgConsentStore>(store);
        var boris = store.FindPerson("test", "boris")!;
        var consent = Assert.Single(store.RecordsOf(boris.Id));
        Assert.Equal((ConsentState.Given, 2, "hash-boris", BackupFiles.Time), (consent.State, consent.TextVersion, consent.TextHash, consent.GivenAtUtc!.Value));
        var copied = pg.Services.GetRequiredService<IRequestStore>().Find(requestId)!;
        Assert.Equal((RequestType.Access, new DateOnly(2026, 12, 7)), (copied.Type, copied.DueDate));
        var audit = pg.Services.GetRequiredService<IAuditLog>();
        Assert.Equal(entries, audit.Verify().IntactCount);

        // The chain goes on where LiteDB left it: a new entry links to the copied head and the whole trail verifies.
        await audit.AppendAsync([new AuditEntry { TimeUtc = BackupFiles.Time.AddDays(1), Kind = "test", Event = "after-the-move", Channel = "test", Actor = "test" }]);
        Assert.Equal(entries + 1, audit.Verify().IntactCount);
        Assert.True(audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Every_registered_copy_target_names_tables_that_the_migrations_create()
    {
        var connection = PostgreSql.PgServer.CreateDatabase();
        using var pg = CliHost.Build(null, ["--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection]);
        var storage = pg.Services.GetRequiredService<PgStorage>();
        await new PgMigrator(storage).MigrateAsync();
        using var empty = new LiteDatabase(new MemoryStream(), LiteDbStorage.CreateMapper());

        var copy = new Adapters.PostgreSql.Copy.PgCopy(empty, storage, pg.Services.GetServices<IPgCopyTarget>());

        Assert.Empty(copy.NonEmptyTables());
        Assert.Contains("people", copy.Tables);
    }
}
