using PdBot.Tests.Cli;

namespace PdBot.Tests.Storage;

public sealed class EncryptedStorageTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_password_protected_store_opens_only_with_its_password_and_says_so_clearly()
    {
        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db))
        {
            await host.Chat().Send("/start").Press("☐ Согласен(на) на рассылку").Press("Отправить").StartTestAsync();
        }

        var without = await CliRunner.RunAsync("audit", "verify", "--db", Db);
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("база зашифрована, задайте её пароль в Storage:Password", without.Error, StringComparison.Ordinal);

        Assert.DoesNotContain("local-user", await File.ReadAllTextAsync(Db), StringComparison.Ordinal);
        using var reopened = new PdBotTestHost(new() { ["Storage:Password"] = "s3cret" }, Db);
        Assert.True(reopened.Audit.Verify().IsIntact);
        Assert.Single(reopened.ConsentEvents());
    }
}
