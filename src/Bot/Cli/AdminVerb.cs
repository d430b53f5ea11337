using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Admin.Handover;
using PdBot.Core.Admin;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot admin add --login NAME [--role admin|operator|auditor] [--db PATH]</c>.</summary>
public static class AdminVerb
{
    public const string CliActor = "cli";

    public static Command Command(CliConsole console)
    {
        var login = new Option<string>("--login") { Description = "Логин учётной записи (уникальный, регистр не важен)", Required = true };
        var role = new Option<string>("--role") { Description = "admin (администратор), operator (оператор) или auditor (аудитор)", DefaultValueFactory = _ => "admin" };
        role.AcceptOnlyFromAmong("admin", "operator", "auditor");
        var db = PdBotCli.DbOption();
        var add = new Command("add", "Создать учётную запись консоли; пароль запрашивается дважды") { login, role, db };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((parse, _) => AddAsync(console, parse.GetValue(login)!, parse.GetValue(role)!, parse.GetValue(db), parse.UnmatchedTokens));
        return new Command("admin", "Учётные записи консоли администратора") { add };
    }

    public static async Task<int> AddAsync(CliConsole console, string login, string role, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(role);
        var parsedRole = Enum.Parse<AdminRole>(role, ignoreCase: true);
        if (AdminEvents.LoginProblem(login) is { } loginProblem)
        {
            await console.Error.WriteLineAsync($"pdbot: {loginProblem}; ничего не сохранено.");
            return 1;
        }

        await console.Error.WriteAsync("Пароль: ");
        var password = ReadSecret(console);
        await console.Error.WriteAsync("Повторите пароль: ");
        var repeat = ReadSecret(console);
        if (password is null || repeat is null)
        {
            await console.Error.WriteLineAsync("pdbot: пароль не введён; ничего не сохранено.");
            return 1;
        }

        if (!string.Equals(password, repeat, StringComparison.Ordinal))
        {
            await console.Error.WriteLineAsync("pdbot: пароли не совпадают; ничего не сохранено.");
            return 1;
        }

        if (AdminEvents.PasswordProblem(password) is { } passwordProblem)
        {
            await console.Error.WriteLineAsync($"pdbot: {passwordProblem}; ничего не сохранено.");
            return 1;
        }

        using var host = CliHost.Build(dbPath, configArgs);
        string? problem;
        var handedOver = false;
        try
        {
            problem = await host.Services.GetRequiredService<AdminEnrollment>().CreateAsync(login, parsedRole, password, CliActor);
        }
        catch (IOException) when (StoragePath(host) is { } databasePath && File.Exists(databasePath))
        {
            // The running host holds the database: hand the account over to it.
            (problem, handedOver) = (await HandOverAsync(host, databasePath, login, parsedRole, password), true);
        }

        if (problem is not null)
        {
            await console.Error.WriteLineAsync($"pdbot: {problem}; ничего не сохранено.");
            return 1;
        }

        var by = handedOver ? " (через работающий хост)" : "";
        await console.Out.WriteLineAsync($"Учётная запись {AdminAccount.Normalize(login)} ({AdminRoleText.Russian(parsedRole)}) создана{by}.");
        return 0;
    }

    /// <summary>How long <c>admin add</c> waits for a running host to answer a handed-over account.</summary>
    public static readonly TimeSpan HandoverTimeout = TimeSpan.FromSeconds(20);

    private static string? StoragePath(IHost host) =>
        host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    private static async Task<string?> HandOverAsync(IHost host, string databasePath, string login, AdminRole role, string password)
    {
        var folder = AccountHandover.FolderFor(databasePath);
        var hash = host.Services.GetRequiredService<IAdminPasswordHasher>().Hash(password);
        var id = AccountHandover.Write(folder, new AccountRequest(login, role.ToString(), hash, CliActor));
        try
        {
            return await AccountHandover.WaitForAnswerAsync(folder, id, HandoverTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            return $"{databasePath} is in use and no running PdBot host took the account within {HandoverTimeout.TotalSeconds:0} s (stop the other process and try again)";
        }
    }

    /// <summary>A line without echo from a terminal, or a plain line from piped input; null at end of input.</summary>
    private static string? ReadSecret(CliConsole console)
    {
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
