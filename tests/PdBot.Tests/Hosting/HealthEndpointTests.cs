using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Processing;
using PdBot.Bot.Hosting;

namespace PdBot.Tests.Hosting;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static async Task<JsonElement> HealthAsync(BareTestHost host)
    {
        using var response = await host.GetAsync(HealthEndpoint.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Health_with_no_channel_is_ok_with_an_empty_list()
    {
        await using var host = await BareTestHost.StartAsync(_tmp.File("pdbot.db"));

        var health = await HealthAsync(host);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(0, health.GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task Health_reports_each_registered_channel_backlog_and_set_aside()
    {
        var telegram = new FakeChannelHealthSource(new ChannelHealth("telegram", 12, 3, 2, Failing: false));
        var vk = new FakeChannelHealthSource(new ChannelHealth("vk", 0, 7, 0, Failing: false));
        await using var host = await BareTestHost.StartAsync(_tmp.File("pdbot.db"), s =>
        {
            s.AddSingleton<IChannelHealthSource>(telegram);
            s.AddSingleton<IChannelHealthSource>(vk);
        });

        var health = await HealthAsync(host);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        var channels = health.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["telegram", "vk"], channels.Select(c => c.GetProperty("channel").GetString()));
        Assert.Equal(12, channels[0].GetProperty("inboxBacklog").GetInt32());
        Assert.Equal(3, channels[0].GetProperty("outboxBacklog").GetInt32());
        Assert.Equal(2, channels[0].GetProperty("setAside").GetInt64());
        Assert.False(channels[0].GetProperty("failing").GetBoolean());
        Assert.Equal(7, channels[1].GetProperty("outboxBacklog").GetInt32());
    }

    [Fact]
    public async Task A_failing_channel_makes_health_degraded_and_still_answers_200()
    {
        var telegram = new FakeChannelHealthSource(new ChannelHealth("telegram", 0, 0, 0, Failing: false));
        var vk = new FakeChannelHealthSource(new ChannelHealth("vk", 1, 4, 0, Failing: false));
        await using var host = await BareTestHost.StartAsync(_tmp.File("pdbot.db"), s =>
        {
            s.AddSingleton<IChannelHealthSource>(telegram);
            s.AddSingleton<IChannelHealthSource>(vk);
        });
        Assert.Equal("ok", (await HealthAsync(host)).GetProperty("status").GetString());

        vk.Current = vk.Current with { Failing = true };
        var health = await HealthAsync(host);

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var channels = health.GetProperty("channels").EnumerateArray().ToList();
        Assert.False(channels[0].GetProperty("failing").GetBoolean());
        Assert.True(channels[1].GetProperty("failing").GetBoolean());
    }
}
