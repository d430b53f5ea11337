using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.PostgreSql.Copy;

namespace PdBot.Tests.Stores.Copy;

public sealed class PgCopyToPostgreSqlTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_copied_store_has_every_document_and_the_same_verified_chain()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 3, password: "секрет");
        using var target = new PgStorage(await CopyStores.MigratedAsync());
        using var source = LiteCopySource.Open(Db, "секрет");
        var copy = new PgCopy(source.Database, target, [new WidgetCopyTarget()]);

        Assert.Empty(copy.Uncovered());
        Assert.Empty(copy.NonEmptyTables());
        await copy.CopyAsync();
        var report = copy.Verify();

        Assert.True(report.IsIntact);
        Assert.Equal(3, report.Counts.Single(c => c.Table == "widgets").PgRows);
        Assert.Equal(3, report.Counts.Single(c => c.Table == "audit").PgRows);
        Assert.Equal((3L, 3L), (report.LiteChain.IntactCount, report.PgChain.IntactCount));
        Assert.Equal(3, report.PgHead!.Value.Seq);
        Assert.Equal(report.LiteHead, report.PgHead);
        Assert.Equal("виджет 2", target.Query("SELECT doc->>'Name' FROM widgets WHERE id = $1", r => r.GetString(0), "w2").Single());
        Assert.Equal(["p1", "p2", "p3"], new PgAuditLog(target).ReadAll().Select(e => e.PersonId));
    }

    [Fact]
    public async Task A_copy_that_fails_part_way_leaves_the_target_empty()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 2);
        using var target = new PgStorage(await CopyStores.MigratedAsync());
        using var source = LiteCopySource.Open(Db, null);
        var copy = new PgCopy(source.Database, target, [new WidgetCopyTarget { FailAtTheEnd = true }]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => copy.CopyAsync());

        Assert.Empty(copy.NonEmptyTables());
        Assert.Null(new PgAuditLog(target).Head());
    }

    [Fact]
    public async Task Rows_missing_after_the_copy_and_an_edited_entry_fail_the_check()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 3);
        using var target = new PgStorage(await CopyStores.MigratedAsync());
        using var source = LiteCopySource.Open(Db, null);
        var copy = new PgCopy(source.Database, target, [new WidgetCopyTarget()]);
        await copy.CopyAsync();

        target.Execute("DELETE FROM widgets WHERE id = 'w1'");
        target.Execute("UPDATE audit SET doc = jsonb_set(doc, '{Event}', '\"edited\"') WHERE seq = 2");
        var report = copy.Verify();

        Assert.False(report.IsIntact);
        Assert.Equal((3L, 2L), (report.Counts.Single(c => c.Table == "widgets").LiteDocuments, report.Counts.Single(c => c.Table == "widgets").PgRows!.Value));
        Assert.True(report.LiteChain.IsIntact);
        Assert.Equal(2, report.PgChain.FirstBadSeq);
    }

    [Fact]
    public async Task A_store_held_by_a_host_is_not_opened()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1);
        using var held = new Adapters.LiteDb.LiteDbStorage(new Adapters.LiteDb.StorageOptions { Path = Db });

        var refused = Assert.Throws<PgCopyRefusedException>(() => LiteCopySource.Open(Db, null));

        Assert.StartsWith(LiteCopySource.HostRunning, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_store_without_its_password_is_refused_in_russian()
    {
        await CopyStores.FillLiteAsync(Db, widgets: 1, password: "секрет");

        Assert.Contains("пароль", Assert.Throws<PgCopyRefusedException>(() => LiteCopySource.Open(Db, null)).Message, StringComparison.Ordinal);
        Assert.Contains("неверный пароль", Assert.Throws<PgCopyRefusedException>(() => LiteCopySource.Open(Db, "другой")).Message, StringComparison.Ordinal);
    }
}
