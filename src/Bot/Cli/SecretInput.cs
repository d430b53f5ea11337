using System.Text;

namespace PdBot.Bot.Cli;

/// <summary>Reads a password: without echo when a person types it at this process's terminal.</summary>
public static class SecretInput
{
    public static string? Read(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!ReferenceEquals(console.In, Console.In) || Console.IsInputRedirected)
        {
            var line = console.In.ReadLine();
            console.Error.WriteLine();
            return line;
        }

        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (key.Key == ConsoleKey.D && key.Modifiers.HasFlag(ConsoleModifiers.Control) && secret.Length == 0)
            {
                console.Error.WriteLine();
                return null;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        console.Error.WriteLine();
        return secret.ToString();
    }
}
