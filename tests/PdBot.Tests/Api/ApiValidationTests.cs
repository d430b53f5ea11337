using System.Net;
using System.Text;

namespace PdBot.Tests.Api;

/// <summary>One host for every bad input: none of them may store a mailing, so they cannot disturb each other.</summary>
public sealed class ApiValidationTests(ApiValidationTests.Host fixture) : IClassFixture<ApiValidationTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public ApiHost Api { get; private set; } = null!;

        public async Task InitializeAsync() => Api = await ApiHost.StartAsync();

        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", """{"text": "Акция", "topic": """, "не JSON" },
        { "not an object", """[1, 2]""", "не JSON" },
        { "an empty body", "", "пусто" },
        { "a misspelt field", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"advertising","send_at":"2026-11-24T09:00:00Z"}""", "имена полей" },
        { "an unknown kind", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"spam"}""", "Неизвестный вид рассылки «spam»" },
        { "no kind", """{"text":"Акция","topic":"promo","channels":["vk"]}""", "Укажите вид рассылки" },
        { "an unknown channel", """{"text":"Акция","topic":"promo","channels":["whatsapp"],"kind":"advertising"}""", "Неизвестный канал «whatsapp»" },
        { "no channel", """{"text":"Акция","topic":"promo","channels":[],"kind":"advertising"}""", "Выберите канал" },
        { "an unknown topic", """{"text":"Акция","topic":"casino","channels":["vk"],"kind":"advertising"}""", "Неизвестная тема «casino»" },
        { "an empty text", """{"text":"  ","topic":"promo","channels":["vk"],"kind":"advertising"}""", "Текст рассылки пуст" },
        { "a text over Telegram's limit", $$"""{"text":"{{new string('а', 4097)}}","topic":"promo","channels":["telegram"],"kind":"informational"}""", "Текст длиннее, чем допускает Telegram: 4097 символов при пределе 4096" },
        { "a text over VK's limit", $$"""{"text":"{{new string('а', 9001)}}","topic":"promo","channels":["vk"],"kind":"informational"}""", "Текст длиннее, чем допускает ВКонтакте" },
        { "a past sendAt", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"advertising","sendAt":"2026-11-23T08:00:00+00:00"}""", "Время отправки уже прошло" },
        { "a sendAt without an offset", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"advertising","sendAt":"2026-11-24T12:00:00"}""", "со смещением" },
        { "a sendAt that is no time", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"advertising","sendAt":"завтра"}""", "не понято" },
        { "a button without an address", """{"text":"Акция","topic":"promo","channels":["vk"],"kind":"advertising","buttons":[{"label":"Сайт","url":"example.org"}]}""", "полной ссылкой" },
        { "a body over 64 KiB", $$"""{"text":"{{new string('a', 70_000)}}","topic":"promo","channels":["vk"],"kind":"advertising"}""", "больше 64 КиБ" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem_with_the_reason_in_russian_and_stores_no_mailing(string what, string body, string reason)
    {
        var host = fixture.Api;
        var calls = host.CallEntries().Count;

        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await MailingsApiTests.Body(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(host.Mailings.All());
        var entry = Assert.Single(host.CallEntries().Skip(calls));
        Assert.Equal(("api-refused", "api:crm"), (entry.Event, entry.Actor));
        Assert.StartsWith("POST /api/v1/mailings → 400", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_all_reported_at_once()
    {
        var host = fixture.Api;

        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative),
            ApiHost.Json("""{"text":"","topic":"casino","channels":["fax"],"kind":"advertising"}"""));

        var errors = (await MailingsApiTests.Body(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, errors.Count);
        Assert.Empty(host.Mailings.All());
    }

    [Fact]
    public async Task A_body_sent_as_a_form_is_a_400_problem_too_and_checked_after_the_key()
    {
        var host = fixture.Api;
        using var anonymous = host.Client(null);
        var form = new StringContent("text=Акция", Encoding.UTF8, "application/x-www-form-urlencoded");

        var withKey = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), form);
        var withoutKey = await anonymous.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), new StringContent("text=Акция", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, withKey.StatusCode);
        Assert.Equal("application/problem+json", withKey.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Empty(host.Mailings.All());
    }

    [Fact]
    public async Task A_body_over_64_KiB_sent_without_a_length_is_refused_while_it_is_read()
    {
        var host = fixture.Api;
        var json = Encoding.UTF8.GetBytes($$"""{"text":"{{new string('a', 70_000)}}","topic":"promo","channels":["vk"],"kind":"advertising"}""");
        using var chunked = new StreamContent(new MemoryStream(json));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/mailings", UriKind.Relative)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("больше 64 КиБ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Mailings.All());
    }
}
