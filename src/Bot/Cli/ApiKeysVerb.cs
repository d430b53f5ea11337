using System.CommandLine;
using System.Globalization;
using PdBot.Core.ApiKeys;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot api-keys add --name NAME --scope mailings | list | revoke NAME</c>: keys of the HTTP API. The key is printed
/// once, alone on standard output (so a script can take it: <c>KEY=$(pdbot api-keys add …)</c>); only its SHA-256 is
/// stored.
/// </summary>
public static class ApiKeysVerb
{
    public const int Refused = 1;

    public static Command Command(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Имя ключа: латинские буквы, цифры, «-», «_», «.» (уникальное, регистр не важен)", Required = true };
        var scope = new Option<string>("--scope") { Description = "Область: mailings (рассылки) или patients (уведомления пациентам)", DefaultValueFactory = _ => ApiKeyScopes.Mailings };
        scope.AcceptOnlyFromAmong([.. ApiKeyScopes.All]);
        var addDb = PdBotCli.DbOption();
        var add = new Command("add", "Создать ключ API; ключ печатается один раз") { name, scope, addDb };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((parse, _) => AddAsync(console, parse.GetValue(name)!, parse.GetValue(scope)!, parse.GetValue(addDb), parse.UnmatchedTokens));

        var listDb = PdBotCli.DbOption();
        var list = new Command("list", "Ключи API: имя, область, создан, последнее использование, отозван") { listDb };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parse, _) => ListAsync(console, parse.GetValue(listDb), parse.UnmatchedTokens));

        var revokeName = new Argument<string>("name") { Description = "Имя ключа" };
        var revokeDb = PdBotCli.DbOption();
        var revoke = new Command("revoke", "Отозвать ключ API: запросы с ним получат 401") { revokeName, revokeDb };
        revoke.TreatUnmatchedTokensAsErrors = false;
        revoke.SetAction((parse, _) => RevokeAsync(console, parse.GetValue(revokeName)!, parse.GetValue(revokeDb), parse.UnmatchedTokens));

        return new Command("api-keys", "Ключи HTTP API (/api/v1) для других систем клиники") { add, list, revoke };
    }

    public static async Task<int> AddAsync(CliConsole console, string name, string scope, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var created = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, scope, AdminVerb.CliActor);
        if (!created.Ok)
        {
            await console.Error.WriteLineAsync($"pdbot: {created.Problem}; ничего не сохранено.");
            return Refused;
        }

        await console.Error.WriteLineAsync($"Ключ API «{created.Key!.Name}» (область {scope}) создан. Сохраните его сейчас: он показывается один раз, хранится только его хеш.");
        await console.Out.WriteLineAsync(created.Secret);
        return 0;
    }

    public static async Task<int> ListAsync(CliConsole console, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var keys = host.Services.GetRequiredService<ApiKeyService>().All();
        if (keys.Count == 0)
        {
            await console.Out.WriteLineAsync("Ключей API нет.");
            return 0;
        }

        await console.Out.WriteLineAsync(Row("имя", "область", "создан", "использован", "отозван"));
        foreach (var k in keys)
        {
            await console.Out.WriteLineAsync(Row(k.Name, k.Scope, Time(k.CreatedAtUtc), Time(k.LastUsedAtUtc), k.Revoked ? $"{Time(k.RevokedAtUtc)} ({k.RevokedBy})" : "-"));
        }

        return 0;
    }

    public static async Task<int> RevokeAsync(CliConsole console, string name, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        if (await host.Services.GetRequiredService<ApiKeyService>().RevokeAsync(name, AdminVerb.CliActor) is { } problem)
        {
            await console.Error.WriteLineAsync($"pdbot: {problem}.");
            return Refused;
        }

        await console.Out.WriteLineAsync($"Ключ API «{ApiKey.Normalize(name)}» отозван.");
        return 0;
    }

    private static string Row(string name, string scope, string created, string used, string revoked) =>
        string.Join("  ", name.PadRight(24), scope.PadRight(10), created.PadRight(20), used.PadRight(20), revoked).TrimEnd();

    private static string Time(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
}
