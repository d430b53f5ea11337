using System.Text;
using LiteDB;
using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Backup;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_backup_during_a_write_burst_then_restore_gives_back_complete_consents_and_an_intact_chain()
    {
        var copy = _tmp.File("backups/copy.db");
        List<ConsentRecord> live;
        List<AuditEntry> liveChain;
        int written;
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            var done = 0;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await BackupFiles.GiveAsync(host, $"w{w}-{i}");
                    Interlocked.Increment(ref done);
                }
            })).ToList();
            while (Volatile.Read(ref done) < 300)
            {
                await Task.Yield();
            }

            var made = await BackupFiles.BackupAsync(host, copy);
            var atBackup = Volatile.Read(ref done);

            // The burst goes on after the copy, so the copy is a point in its middle.
            while (Volatile.Read(ref done) < atBackup + 300)
            {
                await Task.Yield();
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers);
            written = done;
            Assert.True(made.Check.IsIntact, made.Check.Problem);
            Assert.InRange(made.Check.Consents, 300, written - 300);
            Assert.Equal(made.Check.Consents, made.Check.Persons);

            // No write waiting behind the copy was lost.
            live = [.. host.Store.InState("mailing", ConsentState.Given)];
            Assert.Equal(written, live.Count);
            Assert.True(host.Audit.Verify().IsIntact);
            liveChain = [.. host.Audit.ReadAll()];
        }

        var restore = await CliRunner.RunAsync("restore", "--from", copy, "--db", Db);

        Assert.Equal((0, ""), (restore.ExitCode, restore.Error));
        using var restored = new PdBotTestHost(dbPath: Db);
        var back = restored.Store.InState("mailing", ConsentState.Given).ToList();
        Assert.InRange(back.Count, 300, written - 300);
        foreach (var record in back)
        {
            // Every consent in the copy is whole: identical to the store's, with its person and its audit entry.
            var original = live.Single(r => r.Id == record.Id);
            Assert.Equal(
                (original.PersonId, original.State, original.TextVersion, original.TextHash, string.Join(',', original.Buttons), original.GivenAtUtc),
                (record.PersonId, record.State, record.TextVersion, record.TextHash, string.Join(',', record.Buttons), record.GivenAtUtc));
            Assert.NotNull(restored.Store.FindPersonById(record.PersonId));
        }

        var chain = restored.Audit.ReadAll().ToList();
        Assert.True(restored.Audit.Verify().IsIntact);
        Assert.Equal(back.Count, chain.Count(e => e.Event == AuditEvents.Given));
        Assert.Equal(liveChain.Take(back.Count).Select(e => e.Hash), chain.Take(back.Count).Select(e => e.Hash));
        Assert.Equal(BackupEvents.Restored, chain[^1].Event);
    }

    [Fact]
    public async Task An_encrypted_store_gives_an_encrypted_copy_that_opens_only_with_its_password()
    {
        const string Name = "Зинаида Пётровна 7781";
        var copy = _tmp.File("copy.db");
        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db))
        {
            await BackupFiles.GiveAsync(host, Name);
            var made = await BackupFiles.BackupAsync(host, copy);
            Assert.True(made.Check.IsIntact, made.Check.Problem);
            Assert.Equal((1L, 1L, 1L), (made.Check.Persons, made.Check.Consents, made.Check.AuditEntries));
        }

        Assert.Equal(1, File.ReadAllBytes(copy)[0]);
        Assert.True(File.ReadAllBytes(copy).AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)) < 0, "a stored name in plain text in the copy");
        Assert.Equal("файл зашифрован, а пароль базы (Storage:Password) не задан", BackupCheck.Run(copy, null).Problem);
        Assert.StartsWith("неверный пароль", BackupCheck.Run(copy, "wrong").Problem, StringComparison.Ordinal);
        Assert.True(BackupCheck.Run(copy, "s3cret").IsIntact);
    }

    [Fact]
    public async Task A_backup_is_private_refuses_to_overwrite_without_force_and_is_audited()
    {
        var copy = _tmp.File("backups/copy.db");
        using var host = new PdBotTestHost(dbPath: Db);
        await BackupFiles.GiveAsync(host, "u1");
        await BackupFiles.BackupAsync(host, copy);
        var first = BackupFiles.Sha256(copy);
        await BackupFiles.GiveAsync(host, "u2");

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => BackupFiles.BackupAsync(host, copy));

        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first, BackupFiles.Sha256(copy));
        var forced = await BackupFiles.BackupAsync(host, copy, force: true);
        Assert.Equal(2, forced.Check.Persons);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_tmp.File("backups")));
        Assert.Equal(["copy.db"], Directory.GetFiles(_tmp.File("backups")).Select(Path.GetFileName));
        var audited = host.Audit.ReadAll().Where(e => e.Kind == BackupEvents.Kind).ToList();
        Assert.Equal([BackupEvents.Made, BackupEvents.Made], audited.Select(e => e.Event));
        Assert.Contains("file=" + copy, audited[^1].Detail, StringComparison.Ordinal);
        Assert.True(host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_backup_that_cannot_be_written_safely_exits_1_with_the_reason_and_leaves_nothing()
    {
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await BackupFiles.GiveAsync(host, "u1");
        }

        var shared = _tmp.File("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);

        var result = await CliRunner.RunAsync("backup", "--out", Path.Combine(shared, "copy.db"), "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("pdbot backup: резервная копия не создана: не удалось записать копию: Каталог данных", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(shared));
        using var reopened = new PdBotTestHost(dbPath: Db);
        Assert.Equal(BackupEvents.Failed, reopened.Audit.ReadAll().Last().Event);
    }

    [Fact]
    public async Task A_backup_into_a_shared_directory_with_the_sticky_bit_like_tmp_is_made_private_and_leaves_the_directory_as_it_was()
    {
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await BackupFiles.GiveAsync(host, "u1");
        }

        var shared = _tmp.File("tmp-like");
        Directory.CreateDirectory(shared);
        var sticky = (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit;
        File.SetUnixFileMode(shared, sticky);
        var copy = Path.Combine(shared, "copy.db");

        var result = await CliRunner.RunAsync("backup", "--out", copy, "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
        Assert.Equal(sticky, File.GetUnixFileMode(shared));
        Assert.True(BackupCheck.Run(copy, null).IsIntact);
    }

    [Fact]
    public async Task A_copy_whose_audit_chain_was_edited_fails_its_check()
    {
        var copy = _tmp.File("copy.db");
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await BackupFiles.GiveAsync(host, "u1");
            await BackupFiles.GiveAsync(host, "u2");
            await BackupFiles.BackupAsync(host, copy);
        }

        using (var db = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct }))
        {
            var log = db.GetCollection(LiteDbStorage.Audit);
            var first = log.FindById(1);
            first["PurposeId"] = "review";
            log.Update(first);
        }

        var check = BackupCheck.Run(copy, null);

        Assert.False(check.IsIntact);
        Assert.Equal("цепочка аудита нарушена на записи № 1: изменено содержимое записи", check.Problem);
    }
}
