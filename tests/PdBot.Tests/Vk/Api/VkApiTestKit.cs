using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Vk.Api;

namespace PdBot.Tests.Vk.Api;

/// <summary>A VkApi wired to a <see cref="RecordingHandler"/> and a fake clock.</summary>
public sealed class VkApiTestKit : IDisposable
{
    public const string Token = "vk1.a.SECRET-TOKEN-123";

    public VkApiTestKit(params string[] responses)
    {
        Handler = new RecordingHandler(responses);
        Http = new HttpClient(Handler);
        Api = new VkApi(Http, new VkApiOptions { AccessToken = Token, GroupId = 229000000, BaseUrl = "http://127.0.0.1:9/method" }, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public RecordingHandler Handler { get; }

    public HttpClient Http { get; }

    public VkApi Api { get; }

    /// <summary>Advances the fake clock in small steps until <paramref name="done"/>, so it works whenever the client starts its delay.</summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var advanced = TimeSpan.Zero;
        while (!done())
        {
            Assert.True(advanced < limit, $"still waiting after {advanced} of fake time");
            Time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.Delay(1);
        }

        return advanced;
    }

    /// <summary>Waits (real time, briefly) for background work that needs no clock.</summary>
    public static async Task EventuallyAsync(Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(done());
    }

    public void Dispose()
    {
        Api.Dispose();
        Http.Dispose();
        Handler.Dispose();
    }
}
