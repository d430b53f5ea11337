using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;

namespace PdBot.Tests.Api;

public sealed class ApiAuthorizationTests
{
    [Fact]
    public async Task A_call_without_a_key_is_401_with_a_bearer_challenge_and_stores_nothing()
    {
        await using var host = await ApiHost.StartAsync();
        using var anonymous = host.Client(null);
        var before = host.Audit.ReadAll().Count();

        var response = await anonymous.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Ключ не указан", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Mailings.All());
        Assert.Equal(before, host.Audit.ReadAll().Count());
    }

    [Theory]
    [InlineData("pdbot_wrong")]
    [InlineData("")]
    public async Task A_wrong_key_is_401_stores_nothing_and_is_logged_without_the_key(string suffix)
    {
        await using var host = await ApiHost.StartAsync();
        var wrong = host.Key[..^4] + "AAAA" + suffix;
        using var client = host.Client(wrong);
        var before = host.Audit.ReadAll().Count();

        var post = await client.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));
        var get = await client.GetAsync(new Uri("/api/v1/mailings/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Contains("invalid_token", post.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Mailings.All());
        Assert.Equal(before, host.Audit.ReadAll().Count());
    }

    [Fact]
    public async Task A_revoked_key_is_401_and_the_refusal_is_audited_under_its_name()
    {
        await using var host = await ApiHost.StartAsync();
        Assert.Null(await host.Keys.RevokeAsync(ApiHost.KeyName, "anna"));

        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("отозван", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Mailings.All());
        var entry = Assert.Single(host.CallEntries());
        Assert.Equal(("api-refused", "api:crm"), (entry.Event, entry.Actor));
        Assert.StartsWith("POST /api/v1/mailings → 401", entry.Detail, StringComparison.Ordinal);
        Assert.Null(host.Keys.All().Single().LastUsedAtUtc);
    }

    [Fact]
    public async Task A_key_of_another_scope_is_403_and_stores_no_mailing()
    {
        await using var host = await ApiHost.StartAsync();
        const string Secret = "pdbot_other-scope-key-made-for-this-test";
        await host.Services.GetRequiredService<IApiKeyStore>().AddAsync(
            new ApiKey { Name = "reports", Scope = "reports", Hash = ApiKeySecret.Hash(Secret) },
            new AuditEntry { Kind = ApiKeyEvents.Kind, Event = ApiKeyEvents.Created, Channel = ApiKeyEvents.Channel, Actor = "test" });
        using var client = host.Client(Secret);

        var response = await client.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(host.Mailings.All());
        Assert.Equal("api:reports", Assert.Single(host.CallEntries()).Actor);
    }

    [Fact]
    public async Task An_api_key_does_not_open_the_admin_console()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Key);

        var response = await client.GetAsync(new Uri("/admin/consents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
