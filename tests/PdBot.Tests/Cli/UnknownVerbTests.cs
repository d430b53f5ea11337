using System.CommandLine;
using System.Text;
using PdBot.Bot.Cli;

namespace PdBot.Tests.Cli;

public sealed class UnknownVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_mistyped_verb_suggests_the_nearest_verb_exits_2_and_starts_no_host()
    {
        var db = _tmp.File("pdbot.db");
        var error = new StringWriter(new StringBuilder());
        var console = new CliConsole(new StringReader(""), new StringWriter(new StringBuilder()), error);

        // A guard, not a wait: a host that started would run until cancelled.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var code = await PdBotCli.RunAsync(["reqests", "list", "--urls", "http://127.0.0.1:0", "--Storage:Path", db], console, guard.Token);

        Assert.Equal(2, code);
        Assert.False(guard.IsCancellationRequested);
        Assert.Equal("pdbot: неизвестная команда «reqests». Возможно, вы имели в виду: requests", error.ToString().Trim());
        Assert.False(Directory.Exists(_tmp.Path));
    }

    [Fact]
    public async Task A_mistyped_sub_verb_suggests_the_sub_verbs_of_its_verb()
    {
        var result = await CliRunner.RunAsync("requests", "lst", "--db", _tmp.File("pdbot.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("pdbot: неизвестная команда «requests lst». Возможно, вы имели в виду: requests list", result.Error.Trim());
        Assert.False(Directory.Exists(_tmp.Path));
    }

    [Fact]
    public async Task A_word_like_no_verb_lists_the_verbs()
    {
        var result = await CliRunner.RunAsync("zzzzzzzzzz");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pdbot: неизвестная команда «zzzzzzzzzz». Известные команды: serve, chat, audit,", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:0", "--Storage:Path", "x.db")]
    [InlineData("--Storage:Path=x.db")]
    [InlineData("serve", "--Storage:Path", "x.db")]
    [InlineData("serve", "--urls=http://127.0.0.1:0")]
    public void Configuration_overrides_with_no_verb_or_serve_still_start_the_host(params string[] args)
    {
        var parse = PdBotCli.Parse(args, CliConsole.System);

        Assert.Null(UnknownVerb.Problem(parse));
        Assert.True(parse.CommandResult.Command is RootCommand || parse.CommandResult.Command.Name == "serve");
    }

    [Theory]
    [InlineData("requests list", "requests", "list", "--due-within", "3")]
    [InlineData("consents export", "consents", "export", "--db", "/tmp/x.db", "--Storage:Password", "secret")]
    [InlineData("", "--urls", "http://127.0.0.1:0")]
    public void The_verb_logged_for_a_command_line_is_its_known_words_only(string verb, params string[] args) =>
        Assert.Equal(verb, PdBotCli.VerbOf(args));
}
