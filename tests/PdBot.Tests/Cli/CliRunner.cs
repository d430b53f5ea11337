using System.Text;
using PdBot.Bot.Cli;

namespace PdBot.Tests.Cli;

/// <summary>Runs the real <c>pdbot</c> command line in-process with given standard input, capturing its output.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var code = await PdBotCli.RunAsync(args, new CliConsole(new StringReader(input), output, error));
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);
}
