using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Mailings;
using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Api;

/// <summary>
/// The real PdBot host on Kestrel (<see cref="ConsoleHost"/>: 127.0.0.1, a LiteDB file on disk, a fake clock, console
/// accounts) with one API key of scope "mailings" named <see cref="KeyName"/>; <see cref="Http"/> calls the API with it.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string KeyName = "crm";

    private ApiHost(ConsoleHost console, string key)
    {
        (Console, Key) = (console, key);
        Http = Client(key);
    }

    public ConsoleHost Console { get; }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string Address => Console.Address;

    public FakeTimeProvider Clock => Console.Clock;

    /// <summary>The key of <see cref="KeyName"/> itself.</summary>
    public string Key { get; }

    /// <summary>Calls the host with <see cref="Key"/>.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => Console.Services;

    public IAuditLog Audit => Console.Audit;

    public IMailingStore Mailings => Services.GetRequiredService<IMailingStore>();

    public ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    public static async Task<ApiHost> StartAsync(params string[] extraArgs)
    {
        var console = await ConsoleHost.StartAsync(extraArgs);
        var created = await console.Services.GetRequiredService<ApiKeyService>().CreateAsync(KeyName, ApiKeyScopes.Mailings, "test");
        Assert.True(created.Ok, created.Problem);
        return new ApiHost(console, created.Secret!);
    }

    /// <summary>A client of the host sending <c>Authorization: Bearer {key}</c> (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A valid body for POST /api/v1/mailings, sent a day after the fake clock's now.</summary>
    public string MailingJson(string text = "Скидка 20 % на анализы до конца недели") =>
        $$"""{"text":"{{text}}","topic":"promo","channels":["vk","telegram"],"kind":"advertising","sendAt":"{{Clock.GetUtcNow().AddDays(1):yyyy-MM-ddTHH:mm:ss}}+00:00","buttons":[{"label":"Записаться","url":"https://example.org/zapis"}]}""";

    /// <summary>The audit entries of API calls (kind "api").</summary>
    public List<AuditEntry> CallEntries() => [.. Audit.ReadAll().Where(e => e.Kind == ApiKeyEvents.CallKind)];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Console.DisposeAsync();
    }
}
