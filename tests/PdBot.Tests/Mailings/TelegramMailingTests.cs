using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Telegram;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;
using PdBot.Tests.Telegram;
using static PdBot.Tests.Mailings.MailingTestData;

namespace PdBot.Tests.Mailings;

/// <summary>The Telegram mailing sender in the real host against the fake Bot API, on a LiteDB file.</summary>
public sealed class TelegramMailingTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private FakeTelegramServer _telegram = null!;
    private TelegramTestHost _host = null!;

    private IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _host = await TelegramTestHost.StartAsync(_telegram, Path.Combine(_folder.Path, "pdbot.db"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mailing_reaches_exactly_the_people_whose_consent_covers_it_and_each_message_carries_unsubscribe()
    {
        var everyTopic = await PersonAsync(Services, "telegram", 101);
        var promo = await PersonAsync(Services, "telegram", 102, topics: ["promo"]);
        var news = await PersonAsync(Services, "telegram", 103, topics: ["news"]);
        var offered = await PersonAsync(Services, "telegram", 104, ConsentAs.OfferedOnly);
        var withdrawn = await PersonAsync(Services, "telegram", 105, ConsentAs.Withdrawn);
        var mailing = await StartAsync(Services, "telegram", [everyTopic, promo, news, offered, withdrawn]);

        Assert.Equal(5, await Sender(Services, "telegram").SendAsync(mailing, () => true, default));

        var sends = MailingSends();
        Assert.Equal([101L, 102L], sends.Select(c => c.ChatId!.Value).Order());
        foreach (var send in sends)
        {
            var buttons = send.Body.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList();
            Assert.Contains(buttons, b => b.GetProperty("text").GetString() == "Записаться" && b.GetProperty("url").GetString() == "https://clinic.example/promo");
            Assert.Contains(buttons, b => b.GetProperty("text").GetString() == MailingMessage.UnsubscribeLabel && b.GetProperty("callback_data").GetString() == MailingMessage.UnsubscribePayload);
        }

        var ledger = Ledger(Services, mailing.Id);
        var consent = _host.Store.RecordsOf(everyTopic).Single(r => r.PurposeId == Catalog.Mailing.Id);
        Assert.Equal((MailingDeliveryState.Sent, consent.TextVersion, consent.TextHash), (ledger[everyTopic].State, ledger[everyTopic].ConsentVersion, ledger[everyTopic].ConsentTextHash));
        Assert.NotNull(ledger[promo].PlatformMessageId);
        Assert.Equal((MailingDeliveryState.Skipped, MailingSkipReasons.Topic), (ledger[news].State, ledger[news].Reason));
        Assert.Equal((MailingDeliveryState.Skipped, MailingSkipReasons.NoConsent), (ledger[offered].State, ledger[offered].Reason));
        Assert.Equal((MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn), (ledger[withdrawn].State, ledger[withdrawn].Reason));
    }

    [Fact]
    public async Task A_person_whose_unsubscribe_is_stored_before_their_send_gets_nothing()
    {
        var vera = await PersonAsync(Services, "telegram", 201);
        var petr = await PersonAsync(Services, "telegram", 202);
        var mailing = await StartAsync(Services, "telegram", [vera, petr]);
        var loop = _host.Services.GetRequiredService<TelegramChannel>().Loop;

        // Vera's earlier turn is still running when her «Отписаться» arrives: the press waits behind it, stored.
        Assert.True(loop.TryHoldPerson("201"));
        Assert.True((await _host.PostUpdateAsync(FakeTelegramServer.CallbackUpdate(1, 201, MailingMessage.UnsubscribePayload, 7, "cb1"))).IsSuccessStatusCode);
        var sending = Sender(Services, "telegram").SendAsync(mailing, () => true, default);
        await TelegramTestHost.Until(() => MailingSends().Count == 1, "Petr's send");
        Assert.False(sending.IsCompleted); // Vera's row waits for her turns
        loop.ReleasePerson("201");
        await WhileAdvancingAsync(sending);

        Assert.Equal([202L], MailingSends().Select(c => c.ChatId!.Value));
        var row = Ledger(Services, mailing.Id)[vera];
        Assert.Equal((MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn), (row.State, row.Reason));
    }

    [Fact]
    public async Task Who_unsubscribes_under_a_mailing_message_gets_no_later_mailing()
    {
        var anna = await PersonAsync(Services, "telegram", 301);
        var first = await StartAsync(Services, "telegram", [anna]);
        await Sender(Services, "telegram").SendAsync(first, () => true, default);
        var messageId = int.Parse(Ledger(Services, first.Id)[anna].PlatformMessageId!, System.Globalization.CultureInfo.InvariantCulture);

        await _host.PostUpdateAsync(FakeTelegramServer.CallbackUpdate(2, 301, MailingMessage.UnsubscribePayload, messageId, "cb2"));
        await _host.ProcessAsync();
        var second = await StartAsync(Services, "telegram", [anna], text: "Новости клиники: открылось детское отделение.");
        await Sender(Services, "telegram").SendAsync(second, () => true, default);

        Assert.Equal([Text], MailingSends().Select(c => c.Text));
        Assert.Equal(MailingSkipReasons.Withdrawn, Ledger(Services, second.Id)[anna].Reason);
    }

    [Fact]
    public async Task A_blocked_bot_fails_the_row_as_blocked_and_makes_the_person_unreachable()
    {
        var gone = await PersonAsync(Services, "telegram", 401);
        _telegram.AlwaysFail("sendMessage", 401, 403, "Forbidden: bot was blocked by the user");
        var mailing = await StartAsync(Services, "telegram", [gone]);

        await Sender(Services, "telegram").SendAsync(mailing, () => true, default);
        await _host.ProcessAsync();

        var row = Ledger(Services, mailing.Id)[gone];
        Assert.Equal((MailingDeliveryState.Failed, MailingSkipReasons.BotBlocked), (row.State, row.Reason));
        Assert.True(_host.Store.FindPersonById(gone)!.Unreachable);
    }

    [Fact]
    public async Task A_send_cut_by_a_crash_is_counted_unknown_and_never_repeated()
    {
        var cut = await PersonAsync(Services, "telegram", 501);
        var next = await PersonAsync(Services, "telegram", 502);
        var mailing = await StartAsync(Services, "telegram", [cut, next]);
        var row = Ledger(Services, mailing.Id)[cut];
        (row.State, row.InFlightAtUtc) = (MailingDeliveryState.InFlight, _host.Clock.GetUtcNow().UtcDateTime); // as a crash mid-call leaves it
        await Services.GetRequiredService<IMailingStore>().SaveDeliveriesAsync([row]);

        var sender = Sender(Services, "telegram");
        await sender.RecoverAsync(mailing, default);
        await sender.SendAsync(mailing, () => true, default);

        Assert.Equal([502L], MailingSends().Select(c => c.ChatId!.Value));
        Assert.Equal(MailingDeliveryState.Unknown, Ledger(Services, mailing.Id)[cut].State);
    }

    [Fact]
    public async Task A_transient_error_is_retried_on_the_clock_and_then_sent()
    {
        var person = await PersonAsync(Services, "telegram", 601);
        _telegram.FailNext("sendMessage", 429, "Too Many Requests: retry after 3", retryAfter: 3);
        var mailing = await StartAsync(Services, "telegram", [person]);

        await WhileAdvancingAsync(Sender(Services, "telegram").SendAsync(mailing, () => true, default));

        Assert.Equal(2, MailingSends().Count);
        Assert.Equal(MailingDeliveryState.Sent, Ledger(Services, mailing.Id)[person].State);
    }

    [Fact]
    public async Task When_the_runner_says_stop_no_further_call_is_made()
    {
        var people = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await PersonAsync(Services, "telegram", 701 + i));
        }

        var mailing = await StartAsync(Services, "telegram", people);
        var store = Services.GetRequiredService<IMailingStore>();
        var sender = Sender(Services, "telegram");
        Assert.Equal(0, await sender.SendAsync(mailing, () => false, default));
        Assert.Empty(MailingSends());

        // Paused as soon as one row is on its way: only calls already being prepared then may still go.
        await sender.SendAsync(mailing, () => store.Deliveries(mailing.Id).All(r => r.State == MailingDeliveryState.Pending), default);

        var sent = MailingSends().Count;
        Assert.InRange(sent, 1, MailingSender.MaxCallsInFlight);
        Assert.Equal(12 - sent, store.Deliveries(mailing.Id, MailingDeliveryState.Pending).Count);
    }

    private ConsentCatalog Catalog => Services.GetRequiredService<ConsentCatalog>();

    private List<RecordedCall> MailingSends() =>
        [.. _telegram.CallsTo("sendMessage").Where(c => c.Text is { } t && (t == Text || t.StartsWith("Новости клиники", StringComparison.Ordinal)))];

    /// <summary>Waits for <paramref name="task"/> while moving the host's fake clock (retries and re-tries wait on it).</summary>
    private async Task WhileAdvancingAsync(Task task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            _host.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(task, Task.Delay(5));
        }

        await task;
    }
}
