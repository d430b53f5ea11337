using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Core.Outbox;
using PdBot.Tests.Telegram;
using global::Telegram.Bot;

namespace PdBot.Tests.Processing;

/// <summary>The Telegram sender against the fake Bot API and a real LiteDB outbox, on a fake clock.</summary>
public sealed class OutboxSenderTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly PdBotTestHost _host = new();
    private readonly HttpClient _http = new();
    private readonly JumpingClock _clock = new(Start);
    private readonly List<string> _unreachable = [];
    private FakeTelegramServer _tg = null!;

    public async Task InitializeAsync() => _tg = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _tg.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
    }

    private IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    private TelegramAdapter Telegram => new(new TelegramBotClient(new TelegramBotClientOptions(_tg.Token, _tg.BaseUrl) { RetryThreshold = 0 }, _http));

    private static OutboxMessage Reply(long chat, string text, string action = OutboxAction.Send, string? press = null) => new()
    {
        Channel = "telegram",
        ChatId = chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Text = text,
        Kind = OutboxKind.TurnReply,
        Action = action,
        PressId = press,
        CreatedAtUtc = Start.UtcDateTime,
    };

    private async Task<List<OutboxMessage>> StoreAsync(params OutboxMessage[] messages)
    {
        await Outbox.EnqueueAsync(messages, []);
        return [.. messages];
    }

    private OutboxMessage? Stored(long id) =>
        _host.Services.GetRequiredService<LiteDbStorage>().Database.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).FindById(id);

    private OutboxSender Sender(IPlatformClient client, TimeProvider? clock = null) =>
        new(client, Outbox, (chat, _) =>
        {
            lock (_unreachable)
            {
                _unreachable.Add(chat);
            }

            return Task.CompletedTask;
        }, clock ?? _clock, NullLogger.Instance);

    private static double[] Seconds(IEnumerable<TimedCall> calls) => [.. calls.Select(c => Math.Round((c.At - Start).TotalSeconds, 3))];

    [Fact]
    public async Task One_chat_gets_five_messages_at_once_then_one_a_second()
    {
        var client = new TimedClient(Telegram, _clock);
        await StoreAsync([.. Enumerable.Range(1, 12).Select(i => Reply(501, $"Сообщение {i}"))]);
        using var sender = Sender(client);

        Assert.Equal(12, await sender.DeliverDueAsync(default));

        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7], Seconds(client.Calls));
        Assert.Equal([.. Enumerable.Range(1, 12).Select(i => $"Сообщение {i}")], _tg.CallsTo("sendMessage").Select(c => c.Text));
        Assert.Empty(Outbox.Pending("telegram"));
        Assert.Equal(0, sender.Backlog);
    }

    [Fact]
    public async Task Seventy_chats_get_at_most_thirty_messages_in_any_second()
    {
        var client = new TimedClient(Telegram, _clock);
        await StoreAsync([.. Enumerable.Range(1, 70).Select(i => Reply(1000 + i, "Напоминание"))]);
        using var sender = Sender(client);

        Assert.Equal(70, await sender.DeliverDueAsync(default));

        var at = Seconds(client.Calls);
        Assert.Equal([30, 30, 10], at.GroupBy(s => Math.Floor(s)).Select(g => g.Count()));
        Assert.All(at, t => Assert.True(at.Count(u => u >= t && u < t + 1) <= 30));
    }

    [Fact]
    public async Task Answers_to_presses_are_not_paced_and_take_nothing_from_the_chats_pace()
    {
        var client = new TimedClient(Telegram, _clock);
        await StoreAsync([.. Enumerable.Range(1, 8).Select(i => Reply(502, "", OutboxAction.Answer, $"q{i}"))]);
        await StoreAsync([.. Enumerable.Range(1, 6).Select(i => Reply(502, $"Ответ {i}"))]);
        using var sender = Sender(client);

        Assert.Equal(14, await sender.DeliverDueAsync(default));

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], Seconds(client.Calls));
        Assert.Equal(8, _tg.CallsTo("answerCallbackQuery").Count);
    }

    [Fact]
    public async Task A_dropped_answer_does_not_stop_the_next_message()
    {
        _tg.FailNext("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        var stored = await StoreAsync(Reply(503, "Отмечено", OutboxAction.Answer, "q-old"), Reply(503, "Дальше"));
        using var sender = Sender(Telegram);

        Assert.Equal(1, await sender.DeliverDueAsync(default));

        Assert.Equal("Дальше", Assert.Single(_tg.CallsTo("sendMessage")).Text);
        Assert.All(stored, m => Assert.Null(Stored(m.Id))); // a turn's reply is gone once handled, dropped or sent
        Assert.False(sender.Failing);
    }

    [Fact]
    public async Task A_refused_send_is_set_aside_at_once_and_an_edit_that_changes_nothing_is_dropped()
    {
        _tg.FailNext("sendMessage", 400, "Bad Request: chat not found", chatId: 504);
        var buttons = OutboxButtons.Write([[new PdBot.Core.Turns.Button("☑ Согласен(на)", "untick")]]);
        var edit = Reply(505, "", OutboxAction.Edit);
        (edit.EditMessageId, edit.Buttons) = ("1000", buttons);
        var shown = Reply(505, "Согласие");
        shown.Buttons = buttons;
        var stored = await StoreAsync(Reply(504, "Некуда"), shown, edit, Reply(505, "Готово"));
        using var sender = Sender(Telegram);

        Assert.Equal(2, await sender.DeliverDueAsync(default));

        Assert.Equal(1, Stored(stored[0].Id)!.Attempts); // refused for good: not tried again
        Assert.StartsWith("400", Stored(stored[0].Id)!.LastError, StringComparison.Ordinal);
        Assert.Single(_tg.CallsTo("editMessageReplyMarkup"));
        Assert.Null(Stored(stored[2].Id)); // dropped: gone, not set aside
        Assert.Equal(["Согласие", "Готово"], _tg.CallsTo("sendMessage").Where(c => c.ChatId == 505).Select(c => c.Text));
        Assert.Empty(Outbox.Pending("telegram"));
    }

    [Fact]
    public async Task An_edit_without_the_message_to_edit_is_refused_for_good_without_a_call()
    {
        var result = await Telegram.DeliverAsync(Reply(506, "", OutboxAction.Edit), default);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Empty(_tg.Calls);
    }

    [Fact]
    public async Task A_429_on_one_chats_message_delays_only_that_chat()
    {
        _tg.FailNext("sendMessage", 429, "Too Many Requests: retry after 30", retryAfter: 30, chatId: 601);
        var stored = await StoreAsync(Reply(601, "Первое"), Reply(601, "Второе"), Reply(602, "Другому"));
        using var sender = Sender(Telegram);

        Assert.Equal(1, await sender.DeliverDueAsync(default));
        Assert.Equal([601, 602], _tg.CallsTo("sendMessage").Select(c => c.ChatId!.Value));
        var waiting = Stored(stored[0].Id)!;
        Assert.Equal((1, Start.UtcDateTime.AddSeconds(30), true), (waiting.Attempts, waiting.NextAttemptAtUtc, waiting.LastError!.StartsWith("429", StringComparison.Ordinal)));
        Assert.Equal(2, sender.Backlog);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await sender.DeliverDueAsync(default));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await sender.DeliverDueAsync(default));
        Assert.Equal(["Первое", "Второе"], _tg.CallsTo("sendMessage").Skip(2).Select(c => c.Text));
        Assert.Empty(Outbox.Pending("telegram"));
    }

    [Fact]
    public async Task A_message_failing_five_times_is_set_aside_with_its_error_and_others_go_on()
    {
        _tg.AlwaysFail("sendMessage", 701, 500, "Internal Server Error");
        var stored = await StoreAsync(Reply(701, "Не дойдёт"));
        using var sender = Sender(Telegram);

        for (var i = 0; i < OutboxSender.MaxAttempts; i++)
        {
            Assert.Equal(0, await sender.DeliverDueAsync(default));
            Assert.Equal(i + 1, _tg.CallsTo("sendMessage").Count);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var aside = Stored(stored[0].Id)!;
        Assert.Equal(OutboxSender.MaxAttempts, aside.Attempts);
        Assert.True(string.IsNullOrEmpty(aside.Text) && string.IsNullOrEmpty(aside.ChatId)); // LiteDB reads "" back as null
        Assert.NotNull(aside.FailedAtUtc);
        Assert.StartsWith("500", aside.LastError, StringComparison.Ordinal);
        Assert.Empty(Outbox.Pending("telegram"));
        Assert.True(sender.Failing);

        await StoreAsync(Reply(702, "Дойдёт"));
        sender.Signal();
        Assert.Equal(1, await sender.DeliverDueAsync(default));
        Assert.Equal(OutboxSender.MaxAttempts + 1, _tg.CallsTo("sendMessage").Count);
        Assert.False(sender.Failing);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_reported_and_their_message_set_aside()
    {
        _tg.AlwaysFail("sendMessage", 801, 403, "Forbidden: bot was blocked by the user");
        var stored = await StoreAsync(Reply(801, "Заблокировавшему"), Reply(802, "Другому"));
        using var sender = Sender(Telegram);

        Assert.Equal(1, await sender.DeliverDueAsync(default));

        Assert.Equal(["801"], _unreachable);
        var aside = Stored(stored[0].Id)!;
        Assert.NotNull(aside.FailedAtUtc);
        Assert.True(string.IsNullOrEmpty(aside.Text) && string.IsNullOrEmpty(aside.ChatId));
        Assert.Empty(Outbox.Pending("telegram"));
    }

    [Fact]
    public async Task A_send_interrupted_by_a_restart_is_not_made_again()
    {
        var stored = await StoreAsync(Reply(901, "Прерванное"), Reply(902, "Следующее"));
        var hanging = new TimedClient(Telegram, _clock);
        hanging.Hold("901");
        using (var first = Sender(hanging))
        using (var crash = new CancellationTokenSource())
        {
            var run = first.DeliverDueAsync(crash.Token);
            while (hanging.Calls.Count == 0)
            {
                await Task.Yield();
            }

            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        _host.Restart();
        using var second = Sender(Telegram);
        Assert.Equal(1, await second.DeliverDueAsync(default));

        Assert.Equal(902, Assert.Single(_tg.CallsTo("sendMessage")).ChatId);
        var aside = Stored(stored[0].Id)!;
        Assert.Equal(OutboxSender.InterruptedByRestart, aside.LastError);
        Assert.True(string.IsNullOrEmpty(aside.Text));
        Assert.NotNull(aside.FailedAtUtc);
    }

    [Fact]
    public async Task The_background_loop_sends_a_handed_over_message_once_though_the_store_is_read_too()
    {
        var clock = new FakeTimeProvider(Start);
        var client = new TimedClient(Telegram, clock);
        var stored = await StoreAsync([.. Enumerable.Range(511, 3).SelectMany(chat => Enumerable.Range(1, 3).Select(i => Reply(chat, $"Шаг {i}")))]);
        using var sender = Sender(client, clock);
        using var stop = new CancellationTokenSource();

        sender.Enqueue(stored);
        var run = sender.RunAsync(stop.Token);
        sender.Signal();
        await client.DoneAsync(9);
        sender.Signal();
        clock.Advance(OutboxSender.ReloadEvery);
        await StoreAsync(Reply(514, "Последнее"));
        sender.Signal();
        await client.DoneAsync(10);
        await stop.CancelAsync();
        await run;

        Assert.Equal(10, client.Calls.Count);
        Assert.All(client.Calls.Take(9).GroupBy(c => c.ChatId), chat => Assert.Equal(["Шаг 1", "Шаг 2", "Шаг 3"], chat.Select(c => c.Text)));
        Assert.Equal(3, client.Calls.Take(9).Select(c => c.ChatId).Distinct().Count());
    }

    [Fact]
    public async Task The_background_loop_retries_a_429_when_its_delay_has_passed_on_the_clock()
    {
        _tg.FailNext("sendMessage", 429, "Too Many Requests: retry after 3", retryAfter: 3, chatId: 531);
        var clock = new FakeTimeProvider(Start);
        var client = new TimedClient(Telegram, clock);
        await StoreAsync(Reply(531, "Повторное"), Reply(532, "Сразу"));
        using var sender = Sender(client, clock);
        using var stop = new CancellationTokenSource();
        var run = sender.RunAsync(stop.Token);

        await client.DoneAsync(2);
        clock.Advance(TimeSpan.FromSeconds(3));
        await client.DoneAsync(3);
        await stop.CancelAsync();
        await run;

        Assert.Equal([("531", 0.0), ("532", 0.0), ("531", 3.0)], client.Calls.OrderBy(c => c.At).ThenBy(c => c.ChatId).Select(c => (c.ChatId, Math.Round((c.At - Start).TotalSeconds, 3))));
        Assert.Equal(0, sender.Backlog);
    }

    [Fact]
    public async Task A_slow_chat_does_not_hold_up_the_others()
    {
        var clock = new FakeTimeProvider(Start);
        var client = new TimedClient(Telegram, clock);
        var slow = client.Hold("521");
        await StoreAsync(Reply(521, "Медленному"), Reply(521, "Ему же"), Reply(522, "Первому"), Reply(523, "Второму"), Reply(522, "Ещё первому"));
        using var sender = Sender(client, clock);
        using var stop = new CancellationTokenSource();
        var run = sender.RunAsync(stop.Token);

        await client.DoneAsync(3);
        Assert.Equal(["Медленному"], client.Calls.Where(c => c.ChatId == "521").Select(c => c.Text));

        slow.SetResult();
        await client.DoneAsync(5);
        Assert.Equal(["Медленному", "Ему же"], client.Calls.Where(c => c.ChatId == "521").Select(c => c.Text));
        await stop.CancelAsync();
        await run;
        Assert.Equal(0, sender.Backlog);
    }
}
