using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Storage;

public sealed class EncryptedStorageTests : IDisposable
{
    // Stored as the person's platform id: in the people collection and in every audit entry about them.
    private const string Name = "Зинаида Пётровна 7781";

    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_password_protected_store_opens_only_with_its_password_and_says_so_clearly()
    {
        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db))
        {
            await GiveConsentAsync(host);
            Assert.False(AnyFileHolds(Name), "plain text of a stored name on disk while the host runs");
        }

        var without = await CliRunner.RunAsync("audit", "verify", "--db", Db);
        Assert.Equal(2, without.ExitCode);
        Assert.Equal($"pdbot: Не удаётся открыть {Db}: база зашифрована, задайте её пароль в Storage:Password (переменная окружения Storage__Password).", without.Error.Trim());

        Assert.False(AnyFileHolds(Name));
        using var reopened = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db);
        Assert.True(reopened.Audit.Verify().IsIntact);
        Assert.Single(reopened.ConsentEvents());
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_error_and_the_store_still_opens_with_the_right_one()
    {
        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db))
        {
            await GiveConsentAsync(host);
        }

        var wrong = await CliRunner.RunAsync("audit", "verify", "--db", Db, "--Storage:Password", "wrong");

        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal($"pdbot: Не удаётся открыть {Db}: неверный пароль базы (Storage:Password).", wrong.Error.Trim());
        var right = await CliRunner.RunAsync("audit", "verify", "--db", Db, "--Storage:Password", "s3cret");
        Assert.Equal(0, right.ExitCode);
    }

    [Fact]
    public async Task An_unencrypted_store_is_encrypted_in_place_once_a_password_is_set_and_keeps_its_data_and_chain()
    {
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await GiveConsentAsync(host);
            Assert.False(host.Services.GetRequiredService<LiteDbStorage>().IsEncrypted);
        }

        Assert.True(AnyFileHolds(Name), "the check below must be able to see a name in an unencrypted file");

        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db))
        {
            var storage = host.Services.GetRequiredService<LiteDbStorage>();
            Assert.True(storage.EncryptedInPlace);
            Assert.True(host.Audit.Verify().IsIntact);
            Assert.Equal(Name, Assert.Single(host.ConsentEvents()).UserId);
            await host.Chat(Name).Send("Отписаться").StartTestAsync();
            Assert.Equal(2, host.ConsentEvents().Count);
        }

        // No unencrypted copy left beside it (LiteDB's rebuild would leave pdbot-backup.db), nothing in plain text.
        Assert.Equal(["pdbot.db", "pdbot.db.lock"], Directory.GetFiles(_tmp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(AnyFileHolds(Name));
        using var reopened = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db);
        Assert.False(reopened.Services.GetRequiredService<LiteDbStorage>().EncryptedInPlace);
        Assert.True(reopened.Audit.Verify().IsIntact);
        Assert.Equal(2, reopened.ConsentEvents().Count);
    }

    private static Task GiveConsentAsync(PdBotTestHost host) =>
        host.Chat(Name).Send("/start").Press("☐ Согласен(на) на рассылку").Press("Отправить").StartTestAsync();

    private bool AnyFileHolds(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        // The lock file is empty, and locked while a store is open.
        return Directory.GetFiles(_tmp.Path).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Any(f =>
        {
            using var file = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
