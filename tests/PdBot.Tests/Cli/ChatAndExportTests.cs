using System.Text.Json;

namespace PdBot.Tests.Cli;

public sealed class ChatAndExportTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_scripted_terminal_session_gives_consent_and_withdraws_it_and_the_export_shows_both()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "scripts", "consent-session.txt"));

        var chat = await CliRunner.RunWithInputAsync(script, "chat", "--user", "42", "--db", Db);

        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("[1] ☐ Согласен(на) на рассылку", chat.Out, StringComparison.Ordinal);
        Assert.Contains("[2] Отправить", chat.Out, StringComparison.Ordinal);
        Assert.Contains("[1] ☑ Согласен(на) на рассылку", chat.Out, StringComparison.Ordinal);
        Assert.Contains("Вы отписались от рассылки", chat.Out, StringComparison.Ordinal);

        var export = await CliRunner.RunAsync("consents", "export", "--format", "csv", "--db", Db);

        var lines = export.Out.Trim().Split('\n');
        Assert.Equal("time,channel,platform_user_id,purpose,text_version,text_hash,event", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",given", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",withdrawn", lines[2], StringComparison.Ordinal);
        Assert.Contains(",local,42,mailing,2,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_a_number_without_buttons_on_screen_is_sent_as_text()
    {
        var chat = await CliRunner.RunWithInputAsync("7\n", "chat", "--db", Db);

        // "7" is an ordinary first message the bot does not handle itself: it goes to a person in the inbox.
        Assert.Contains("передано сотруднику клиники", chat.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_writes_to_a_file_with_one_object_per_event()
    {
        await CliRunner.RunWithInputAsync("/start\n1\n2\n/stop\n", "chat", "--user", "7", "--db", Db);
        var file = _tmp.File("out.json");

        var export = await CliRunner.RunAsync("consents", "export", "--format", "json", "--out", file, "--db", Db);

        Assert.Equal(0, export.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var events = json.RootElement.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(["given", "withdrawn"], events);
        var first = json.RootElement[0];
        Assert.Equal("7", first.GetProperty("platform_user_id").GetString());
        Assert.Equal(64, first.GetProperty("text_hash").GetString()!.Length);
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_clear_error_and_writes_nothing()
    {
        var result = await CliRunner.RunAsync("consents", "export", "--format", "xml", "--db", Db);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("xml", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }
}
