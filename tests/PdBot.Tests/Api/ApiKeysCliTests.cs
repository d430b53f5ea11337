using System.Text;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.ApiKeys;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Api;

public sealed class ApiKeysCliTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Add_prints_the_key_once_and_stores_only_its_hash()
    {
        var (code, output, error) = await CliRunner.RunAsync("api-keys", "add", "--name", "CRM", "--scope", "mailings", "--db", Db);

        Assert.Equal(0, code);
        var key = output.Trim();
        Assert.Matches("^pdbot_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("показывается один раз", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);

        var files = Directory.GetFiles(_tmp.Path, "pdbot*.db");
        Assert.All(files, f => Assert.DoesNotContain(key, Encoding.UTF8.GetString(File.ReadAllBytes(f)), StringComparison.Ordinal));
        using var db = new LiteDatabase(new ConnectionString { Filename = Db, Connection = ConnectionType.Direct });
        var stored = Assert.Single(db.GetCollection(LiteApiKeys.Collection).FindAll());
        Assert.Equal("crm", stored["_id"].AsString);
        Assert.Equal("mailings", stored["Scope"].AsString);
        Assert.Equal(ApiKeySecret.Hash(key), stored["Hash"].AsString);
        var created = Assert.Single(db.GetCollection("audit").Find(Query.EQ("Kind", ApiKeyEvents.Kind)));
        Assert.Equal(("api-key-created", "cli"), (created["Event"].AsString, created["Actor"].AsString));
        Assert.DoesNotContain(key, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_the_keys_and_revoke_marks_one_revoked_with_an_audit_entry()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("api-keys", "add", "--name", "crm", "--scope", "mailings", "--db", Db)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("api-keys", "add", "--name", "site", "--db", Db)).ExitCode);

        var revoked = await CliRunner.RunAsync("api-keys", "revoke", "CRM", "--db", Db);
        var list = await CliRunner.RunAsync("api-keys", "list", "--db", Db);

        Assert.Equal((0, "Ключ API «crm» отозван."), (revoked.ExitCode, revoked.Out.Trim()));
        var lines = list.Out.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("имя", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^crm\s+mailings\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC \(cli\)$", lines[1]);
        Assert.Matches(@"^site\s+mailings\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+-\s+-$", lines[2]);
        using var db = new LiteDatabase(new ConnectionString { Filename = Db, Connection = ConnectionType.Direct });
        Assert.Equal(["api-key-created", "api-key-created", "api-key-revoked"], db.GetCollection("audit").Find(Query.EQ("Kind", ApiKeyEvents.Kind)).Select(e => e["Event"].AsString));
    }

    [Fact]
    public async Task A_taken_name_a_bad_name_an_unknown_scope_and_an_unknown_key_are_refused_in_russian()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("api-keys", "add", "--name", "crm", "--db", Db)).ExitCode);

        var taken = await CliRunner.RunAsync("api-keys", "add", "--name", "CRM", "--db", Db);
        var badName = await CliRunner.RunAsync("api-keys", "add", "--name", "моя система", "--db", Db);
        var badScope = await CliRunner.RunAsync("api-keys", "add", "--name", "x", "--scope", "everything", "--db", Db);
        var unknown = await CliRunner.RunAsync("api-keys", "revoke", "nobody", "--db", Db);
        var twice = await CliRunner.RunAsync("api-keys", "revoke", "crm", "--db", Db);
        var again = await CliRunner.RunAsync("api-keys", "revoke", "crm", "--db", Db);

        Assert.Equal((1, ""), (taken.ExitCode, taken.Out));
        Assert.Contains("имя ключа «crm» уже занято; ничего не сохранено", taken.Error, StringComparison.Ordinal);
        Assert.Equal(1, badName.ExitCode);
        Assert.Contains("латинские буквы", badName.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badScope.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("ключа «nobody» нет", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, twice.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("уже отозван", again.Error, StringComparison.Ordinal);
        var list = await CliRunner.RunAsync("api-keys", "list", "--db", Db);
        Assert.Equal(2, list.Out.Trim().Split('\n').Length);
    }
}
