using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Adapters.Vk.Api;
using PdBot.Bot.Hosting;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;
using PdBot.Tests.Processing;
using PdBot.Tests.Telegram;
using PdBot.Tests.Vk;
using global::Telegram.Bot;

namespace PdBot.Tests.Incidents;

/// <summary>The service notice reaches the affected people through the fake Telegram and VK servers, and the incident records each outcome.</summary>
public sealed class ServiceNoticeDeliveryTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly PdBotTestHost _host = new();
    private readonly HttpClient _http = new();
    private readonly JumpingClock _clock = new(Start);
    private FakeTelegramServer _tg = null!;
    private FakeVkServer _vk = null!;
    private VkApi _vkApi = null!;

    public async Task InitializeAsync()
    {
        _tg = await FakeTelegramServer.StartAsync();
        _vk = await FakeVkServer.StartAsync();
        _vkApi = _vk.NewApi(_http, _clock);
    }

    public async Task DisposeAsync()
    {
        await _tg.DisposeAsync();
        await _vk.DisposeAsync();
    }

    public void Dispose()
    {
        _vkApi.Dispose();
        _http.Dispose();
        _host.Dispose();
    }

    private IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    private OutboxSender Sender(IPlatformClient client) => new(client, Outbox, (_, _) => Task.CompletedTask, _clock, NullLogger.Instance);

    private TelegramAdapter Telegram => new(new TelegramBotClient(new TelegramBotClientOptions(_tg.Token, _tg.BaseUrl) { RetryThreshold = 0 }, _http));

    [Fact]
    public async Task The_notice_goes_out_through_Telegram_and_VK_and_the_incident_records_sent_failed_and_skipped()
    {
        var s = _host.Services;
        var at = Start.UtcDateTime;
        var anna = await AffectedSeed.PersonAsync(s, "telegram", "5001", "consultation", at);
        var boris = await AffectedSeed.PersonAsync(s, "vk", "6001", "consultation", at);
        var gone = await AffectedSeed.PersonAsync(s, "telegram", "5002", "consultation", at);
        var blocked = await AffectedSeed.PersonAsync(s, "vk", "6002", "consultation", at, blocked: true);
        var erased = await AffectedSeed.PersonAsync(s, "telegram", "5003", "consultation", at, erased: true);
        _tg.AlwaysFail("sendMessage", 5002, 403, "Forbidden: bot was blocked by the user");
        var incidents = s.GetRequiredService<IncidentService>();
        var affected = s.GetRequiredService<AffectedPeople>();
        var incident = await incidents.RegisterAsync(new IncidentFields { DetectedAtUtc = at, Summary = "Утечка" }, "anna");
        await affected.SelectAsync(incident.Id, new AffectedQuery { PurposeId = "consultation" }, "anna");

        Assert.Equal(3, await affected.SendAsync(incident.Id, "Клиника сообщает об инциденте с персональными данными.", "anna"));
        using (var tg = Sender(Telegram))
        using (var vk = Sender(new VkAdapter(_vkApi)))
        {
            await tg.DeliverDueAsync(default);
            await vk.DeliverDueAsync(default);
        }

        // The clock worker's round (or opening the page) brings the outcomes up to date from the outbox.
        await s.GetRequiredService<IncidentClockWorker>().RunOnceAsync(default);

        Assert.Equal(["Клиника сообщает об инциденте с персональными данными."], _tg.CallsTo("sendMessage").Where(c => c.ChatId == 5001).Select(c => c.Text));
        Assert.Equal([6001L], _vk.SentMessages.Select(m => m.PeerId));
        Assert.Equal("Клиника сообщает об инциденте с персональными данными.", _vk.SentMessages.Single().Message);
        Assert.DoesNotContain(_tg.CallsTo("sendMessage"), c => c.ChatId == 5003);
        var outcomes = incidents.Store.Find(incident.Id)!.Deliveries.ToDictionary(d => d.PersonId, d => d.Outcome);
        Assert.Equal(DeliveryOutcome.Sent, outcomes[anna.Id]);
        Assert.Equal(DeliveryOutcome.Sent, outcomes[boris.Id]);
        Assert.Equal(DeliveryOutcome.Failed, outcomes[gone.Id]);
        Assert.Equal(DeliveryOutcome.SkippedBlocked, outcomes[blocked.Id]);
        Assert.Equal(DeliveryOutcome.SkippedDestroyed, outcomes[erased.Id]);
    }
}
