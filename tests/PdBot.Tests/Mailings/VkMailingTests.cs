using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Vk;
using PdBot.Core.Mailings;
using PdBot.Core.Turns;
using PdBot.Tests.Vk;
using static PdBot.Tests.Mailings.MailingTestData;

namespace PdBot.Tests.Mailings;

/// <summary>The VK mailing sender in the real host against the strict fake VK (peer_ids, intent, random_id), on a LiteDB file.</summary>
public sealed class VkMailingTests : IAsyncLifetime, IDisposable
{
    private const long FirstPeer = 1000;
    private readonly TempFolder _folder = new();
    private FakeVkServer _vk = null!;
    private VkTestHost _host = null!;

    private IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        _vk = await FakeVkServer.StartAsync();
        _host = await VkTestHost.StartAsync(_vk, _folder.File("pdbot.db"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _vk.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mailing_goes_in_calls_of_100_with_its_intent_and_a_peers_own_refusal_fails_only_that_peer()
    {
        var people = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            people.Add(await PersonAsync(Services, "vk", FirstPeer + i));
        }

        _vk.AlwaysFail("messages.send", FirstPeer + 5, 901, "Can't send messages for users without permission");
        var mailing = await StartAsync(Services, "vk", people, MailingKind.Informational);

        Assert.Equal(150, await Sender(Services, "vk").SendAsync(mailing, () => true, default));
        await _host.ProcessAsync();

        var calls = _vk.CallsTo("messages.send");
        Assert.Equal([50, 100], calls.Select(c => c.Field("peer_ids")!.Split(',').Length).Order()); // the two calls go concurrently
        Assert.All(calls, c => Assert.Equal("non_promo_newsletter", c.Field("intent")));
        Assert.Equal(new[] { MailingSender.RandomId(mailing.Id, 1), MailingSender.RandomId(mailing.Id, 2) }.Order(), calls.Select(c => c.RandomId!.Value).Order());
        Assert.Equal(149, _vk.SentMessages.Count);
        Assert.DoesNotContain(_vk.SentMessages, m => m.PeerId == FirstPeer + 5);

        var ledger = Ledger(Services, mailing.Id);
        var refused = ledger[people[5]];
        Assert.Equal((MailingDeliveryState.Failed, MailingSkipReasons.Denied), (refused.State, refused.Reason));
        Assert.True(_host.Store.FindPersonById(people[5])!.Unreachable);
        Assert.Equal(149, ledger.Values.Count(r => r.State == MailingDeliveryState.Sent && r.PlatformMessageId is not null && r.Batch is 1 or 2));
    }

    [Fact]
    public async Task Each_VK_mailing_message_has_its_link_and_a_callback_unsubscribe_button()
    {
        var person = await PersonAsync(Services, "vk", FirstPeer);
        var mailing = await StartAsync(Services, "vk", [person]);

        await Sender(Services, "vk").SendAsync(mailing, () => true, default);

        var sent = Assert.Single(_vk.SentMessages);
        Assert.Equal("promo_newsletter", sent.Intent);
        var buttons = sent.Keyboard!.Value.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("action")).ToList();
        Assert.Contains(buttons, a => a.GetProperty("type").GetString() == "open_link" && a.GetProperty("link").GetString() == "https://clinic.example/promo");
        Assert.Contains(buttons, a => a.GetProperty("type").GetString() == "callback" && a.GetProperty("label").GetString() == MailingMessage.UnsubscribeLabel
            && a.GetProperty("payload").GetString() == VkActivityMapper.Wrap(MailingMessage.UnsubscribePayload));
    }

    [Fact]
    public async Task After_a_crash_a_call_in_flight_is_resent_with_its_random_id_and_nobody_gets_it_twice()
    {
        var people = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await PersonAsync(Services, "vk", FirstPeer + i));
        }

        var mailing = await StartAsync(Services, "vk", people);
        var store = Services.GetRequiredService<IMailingStore>();

        // The crash: batch 1 (the first three) was stored in flight and VK sent it, but the outcome was never recorded.
        var cut = people.Take(3).Select(p => store.FindDelivery(mailing.Id, p)!).ToList();
        foreach (var row in cut)
        {
            (row.State, row.Batch, row.InFlightAtUtc) = (MailingDeliveryState.InFlight, 1, _host.Clock.GetUtcNow().UtcDateTime);
        }

        await store.SaveDeliveriesAsync(cut);
        var adapter = Services.GetRequiredService<VkAdapter>();
        await adapter.SendMailingAsync(new MailingCall(MailingMessage.Build(mailing), mailing.Kind,
            [.. Enumerable.Range(0, 3).Select(i => (FirstPeer + i).ToString(CultureInfo.InvariantCulture))], MailingSender.RandomId(mailing.Id, 1)), default);

        var sender = Sender(Services, "vk");
        await sender.RecoverAsync(mailing, default);
        await sender.SendAsync(mailing, () => true, default);

        var calls = _vk.CallsTo("messages.send");
        Assert.Equal(3, calls.Count); // the original, its resend, the last person's batch
        Assert.Equal(calls[0].RandomId, calls[1].RandomId);
        Assert.Equal(MailingSender.RandomId(mailing.Id, 2), calls[2].RandomId);
        Assert.Equal(4, _vk.SentMessages.Count);
        Assert.Equal(4, _vk.SentMessages.Select(m => m.PeerId).Distinct().Count());
        Assert.All(Ledger(Services, mailing.Id).Values, r => Assert.Equal(MailingDeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task A_VK_person_who_withdraws_mid_mailing_gets_nothing_after()
    {
        var anna = await PersonAsync(Services, "vk", FirstPeer);
        var boris = await PersonAsync(Services, "vk", FirstPeer + 1);
        var first = await StartAsync(Services, "vk", [anna]);
        await Sender(Services, "vk").SendAsync(first, () => true, default);
        var cmid = Assert.Single(_vk.SentMessages).ConversationMessageId;

        // Anna presses «Отписаться» under it while the next mailing is about to go.
        var second = await StartAsync(Services, "vk", [anna, boris]);
        var (status, _) = await _host.PostAsync(FakeVkServer.MessageEvent("e1", FirstPeer, VkActivityMapper.Wrap(MailingMessage.UnsubscribePayload), cmid, "ev1", VkTestHost.Secret));
        Assert.Equal(200, status);
        await _host.ProcessAsync();
        await Sender(Services, "vk").SendAsync(second, () => true, default);

        Assert.Equal([FirstPeer, FirstPeer + 1], _vk.SentMessages.Where(m => m.Intent is not null).Select(m => m.PeerId));
        Assert.Equal(MailingSkipReasons.Withdrawn, Ledger(Services, second.Id)[anna].Reason);
    }
}
