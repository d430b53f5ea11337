using System.Globalization;
using System.Net;
using PdBot.Adapters.Processing;
using PdBot.Bot.Hosting;
using PdBot.Tests.Telegram;

namespace PdBot.Tests.Hosting;

public sealed class MetricsEndpointTests : IDisposable
{
    // A channel label only these tests use, so the counts they read are theirs alone (the registry is process-wide).
    private const string TestChannel = "metrics-test";

    // A recognizable Telegram user (and private chat) id: it must not appear in /metrics or /health.
    private const long Person = 918273645501;

    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static async Task<string> ScrapeAsync(HttpClient http, string address)
    {
        using var response = await http.GetAsync(new Uri(address + MetricsEndpoint.Path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of one sample line (<c>name{labels} value</c>), 0 when the series is not there yet.</summary>
    private static double Sample(string scrape, string series)
    {
        var line = scrape.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text_format_with_the_processing_metrics()
    {
        await using var host = await BareTestHost.StartAsync(_tmp.File("pdbot.db"));
        var acks = $$"""pdbot_webhook_acks_total{channel="{{TestChannel}}",result="stored"}""";
        var turns = $$"""pdbot_turn_duration_seconds_count{channel="{{TestChannel}}"}""";
        var before = await ScrapeAsync(host.Http, host.Address);

        ProcessingMetrics.WebhookAcks.WithLabels(TestChannel, "stored").Inc(3);
        ProcessingMetrics.InboxBacklog.WithLabels(TestChannel).Set(17);
        ProcessingMetrics.TurnDuration.WithLabels(TestChannel).Observe(0.004);
        ProcessingMetrics.Sends.WithLabels(TestChannel, "sent").Inc();
        var after = await ScrapeAsync(host.Http, host.Address);

        Assert.Equal(Sample(before, acks) + 3, Sample(after, acks));
        Assert.Equal(17, Sample(after, $$"""pdbot_inbox_backlog{channel="{{TestChannel}}"}"""));
        Assert.Equal(Sample(before, turns) + 1, Sample(after, turns));
        Assert.Contains($$"""pdbot_sends_total{channel="{{TestChannel}}",result="sent"}""", after, StringComparison.Ordinal);
        Assert.Contains("# TYPE pdbot_turn_duration_seconds histogram", after, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", after, StringComparison.Ordinal);
        Assert.Contains("dotnet_collection_count_total", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_have_no_per_request_http_metrics()
    {
        await using var host = await BareTestHost.StartAsync(_tmp.File("pdbot.db"));
        await ScrapeAsync(host.Http, host.Address); // the adapters start listening at the first scrape

        (await host.GetAsync(HealthEndpoint.Path)).Dispose();
        (await host.GetAsync("/requests/4242")).Dispose();
        var scrape = await ScrapeAsync(host.Http, host.Address);

        Assert.DoesNotContain("http_route", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server_request", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain(Series(scrape), series => series.Contains("4242", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Neither_metrics_nor_health_show_a_chat_id_after_a_telegram_update()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(telegram, _tmp.File("pdbot.db"));
        using var http = new HttpClient();
        await ScrapeAsync(http, host.Address);

        using var ack = await host.PostUpdateAsync(FakeTelegramServer.TextUpdate(1, Person, "/start"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await TelegramTestHost.Until(() => telegram.CallsTo("sendMessage").Count == 1, "the consent prompt to the person");
        var id = Person.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(telegram.CallsTo("sendMessage"), c => c.Body.GetProperty("chat_id").ToString() == id);

        var metrics = await ScrapeAsync(http, host.Address);
        var health = await http.GetStringAsync(new Uri(host.Address + HealthEndpoint.Path));

        Assert.DoesNotContain(Series(metrics), series => series.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(id, health, StringComparison.Ordinal);
    }

    // Names and labels only: a sample's value (a byte count, a sum of seconds) may contain any digits by chance.
    private static IEnumerable<string> Series(string scrape) =>
        scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..Math.Max(0, l.LastIndexOf(' '))]);
}
