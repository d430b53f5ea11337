using System.CommandLine;
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
        var password = console.ReadSecret();
        await console.Error.WriteAsync("Повторите пароль: ");
        var repeat = console.ReadSecret();
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

        // The enrollment checks the password rules itself (also when this runs inside the host).
        using var host = CliHost.Build(dbPath, configArgs);
        if (await host.Services.GetRequiredService<AdminEnrollment>().CreateAsync(login, parsedRole, password, CliActor) is { } problem)
        {
            await console.Error.WriteLineAsync($"pdbot: {problem}; ничего не сохранено.");
            return 1;
        }

        await console.Out.WriteLineAsync($"Учётная запись {AdminAccount.Normalize(login)} ({AdminRoleText.Russian(parsedRole)}) создана.");
        return 0;
    }
}
