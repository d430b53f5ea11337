using System.Net;
using System.Text.RegularExpressions;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// The console over plain HTTP, signed in through the login form like a browser (cookies, antiforgery tokens), for
/// tests that need no rendering: much faster than Chromium.
/// </summary>
public sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();

    private ConsoleClient(string address)
    {
#pragma warning disable CA2000 // the client owns and disposes the handler
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = new Uri(address),
        };
#pragma warning restore CA2000
    }

    /// <summary>The session cookie's value as the server last set it (null when there is none).</summary>
    public string? SessionCookie => _cookies.GetCookies(new Uri(_http.BaseAddress!, "/admin/")).FirstOrDefault(c => c.Name == "pdbot.admin")?.Value;

    /// <summary>A client that has not signed in (it can still open the login form and post it).</summary>
    public static ConsoleClient Anonymous(ConsoleHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new ConsoleClient(host.Address);
    }

    /// <summary>A client that presents a session cookie saved earlier, as a stolen or kept copy would.</summary>
    public static ConsoleClient WithSessionCookie(ConsoleHost host, string cookie)
    {
        var client = Anonymous(host);
        client._cookies.Add(new Cookie("pdbot.admin", cookie, "/admin", new Uri(host.Address).Host));
        return client;
    }

    public static async Task<ConsoleClient> SignInAsync(ConsoleHost host, string login)
    {
        var client = Anonymous(host);
        using var response = await client.PostFormAsync("/admin/login", "/admin/login", new Dictionary<string, string> { ["login"] = login, ["password"] = ConsoleHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts the fields (a name may repeat) to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetTextAsync(formPage);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{formPage} has no form token");
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
        return await _http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
