using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Vk;
using PdBot.Adapters.Vk.Api;
using PdBot.Core.Outbox;
using PdBot.Tests.Vk;

namespace PdBot.Tests.Processing;

/// <summary>The VK sender against the strict fake VK and a real LiteDB outbox: repeats are safe because of random_id.</summary>
public sealed class VkOutboxSenderTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly PdBotTestHost _host = new();
    private readonly HttpClient _http = new();
    private readonly JumpingClock _clock = new(Start);
    private FakeVkServer _vk = null!;
    private VkApi _api = null!;

    public async Task InitializeAsync()
    {
        _vk = await FakeVkServer.StartAsync();
        _api = _vk.NewApi(_http, _clock);
    }

    public async Task DisposeAsync() => await _vk.DisposeAsync();

    public void Dispose()
    {
        _api.Dispose();
        _http.Dispose();
        _host.Dispose();
    }

    private IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    private OutboxSender Sender() => new(new VkAdapter(_api), Outbox, (_, _) => Task.CompletedTask, _clock, NullLogger.Instance);

    private async Task<OutboxMessage> StoreAsync(string key)
    {
        var m = new OutboxMessage { Channel = VkActivityMapper.Channel, ChatId = "42", Text = "Здравствуйте", Kind = OutboxKind.TurnReply, DedupeKey = key, CreatedAtUtc = Start.UtcDateTime };
        await Outbox.EnqueueAsync([m], []);
        return m;
    }

    [Fact]
    public async Task A_retried_VK_send_keeps_its_random_id_and_arrives_once()
    {
        _vk.FailNextHttp("messages.send", 502);
        await StoreAsync("e7:1");
        using var sender = Sender();

        Assert.Equal(0, await sender.DeliverDueAsync(default));
        Assert.Equal(1, sender.Backlog);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.DeliverDueAsync(default));

        var sends = _vk.CallsTo("messages.send");
        Assert.Equal([VkAdapter.RandomId("e7:1"), VkAdapter.RandomId("e7:1")], sends.Select(c => c.RandomId!.Value));
        Assert.Single(_vk.SentMessages);
        Assert.Empty(Outbox.Pending(VkActivityMapper.Channel));
    }

    [Fact]
    public async Task A_VK_send_interrupted_by_a_restart_is_made_again_and_VK_drops_the_repeat()
    {
        var m = await StoreAsync("e8:1");
        Assert.Equal(DeliveryResult.Ok, await new VkAdapter(_api).DeliverAsync(m, default)); // VK took it; the crash came before the mark

        _host.Restart();
        using var sender = Sender();
        Assert.Equal(1, await sender.DeliverDueAsync(default));

        Assert.Equal(2, _vk.CallsTo("messages.send").Select(c => c.RandomId).Count(id => id == VkAdapter.RandomId("e8:1")));
        Assert.Single(_vk.SentMessages);
        Assert.Empty(Outbox.Pending(VkActivityMapper.Channel));
    }
}
