using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace PdBot.Tests.Telegram;

public sealed class FakeTelegramServerTests
{
    private static TelegramBotClient Client(FakeTelegramServer server, string? token = null) =>
        new(new TelegramBotClientOptions(token ?? server.Token, server.BaseUrl) { RetryThreshold = 0 });

    private static InlineKeyboardMarkup Keyboard(string data) => new(InlineKeyboardButton.WithCallbackData("Да", data));

    [Fact]
    public async Task A_message_in_english_sent_to_a_person_fails_the_test_when_the_fake_is_disposed()
    {
        var server = await FakeTelegramServer.StartAsync();
        await Client(server).SendMessage(42, "Your request is InProgress");

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await server.DisposeAsync());

        Assert.Contains("InProgress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_returns_a_message_for_the_chat_and_is_recorded()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);

        var first = await bot.SendMessage(42, "Привет", replyMarkup: Keyboard("yes"));
        var second = await bot.SendMessage(43, "Ещё");
        var me = await bot.GetMe();

        Assert.Equal(42, first.Chat.Id);
        Assert.Equal("Привет", first.Text);
        Assert.Equal("yes", first.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        Assert.Equal(1000, first.Id);
        Assert.Equal(1001, second.Id);
        Assert.True(me.IsBot);
        Assert.Equal("pdbot_test_bot", me.Username);
        var sent = server.CallsTo("SENDMESSAGE");
        Assert.Equal([42L, 43L], sent.Select(c => c.ChatId));
        Assert.Equal("Привет", sent[0].Text);
        Assert.Equal(["sendMessage", "sendMessage", "getMe"], server.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Editing_the_markup_to_the_same_markup_is_not_modified()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        var sent = await bot.SendMessage(42, "Согласны?", replyMarkup: Keyboard("yes"));
        await bot.AnswerCallbackQuery("cb-1");

        var edited = await bot.EditMessageReplyMarkup(42, sent.Id, Keyboard("done"));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageReplyMarkup(42, sent.Id, Keyboard("done")));

        Assert.Equal(sent.Id, edited.Id);
        Assert.Equal("done", edited.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("message is not modified", error.Message, StringComparison.Ordinal);
        await bot.EditMessageReplyMarkup(42, sent.Id); // removing the keyboard is a change
    }

    [Fact]
    public async Task GetUpdates_with_an_offset_confirms_earlier_updates_and_the_builders_parse()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        server.EnqueueUpdate(FakeTelegramServer.TextUpdate(10, 42, "/start"));
        server.EnqueueUpdate(FakeTelegramServer.CallbackUpdate(11, 42, "consent:yes", 1000, "cb-1"));
        server.EnqueueUpdate(FakeTelegramServer.BlockedUpdate(12, 42));

        var all = await bot.GetUpdates(timeout: 0);
        var rest = await bot.GetUpdates(offset: 11, limit: 1, timeout: 0);

        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember], all.Select(u => u.Type));
        Assert.Equal("/start", all[0].Message!.Text);
        Assert.Equal(ChatType.Private, all[0].Message!.Chat.Type);
        Assert.Equal("consent:yes", all[1].CallbackQuery!.Data);
        Assert.Equal(1000, all[1].CallbackQuery!.Message!.Id);
        Assert.Equal(ChatMemberStatus.Kicked, all[2].MyChatMember!.NewChatMember.Status);
        Assert.Equal(42, all[2].MyChatMember!.Chat.Id);
        Assert.Equal([11], rest.Select(u => u.Id));
        Assert.Equal(2, server.PendingUpdates);
        Assert.Equal([null, 11L], server.GetUpdatesOffsets);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives_and_ends_when_the_server_stops()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        var clock = Stopwatch.StartNew();

        var poll = bot.GetUpdates(timeout: 30);
        while (server.CallsTo("getUpdates").Count == 0)
        {
            await Task.Delay(10);
        }

        server.EnqueueUpdate(FakeTelegramServer.TextUpdate(1, 42, "hi"));
        Assert.Equal([1], (await poll).Select(u => u.Id));
        var idle = bot.GetUpdates(offset: 2, timeout: 30);
        while (server.CallsTo("getUpdates").Count < 2)
        {
            await Task.Delay(10);
        }

        await server.DisposeAsync(); // and again at the end of the test: disposing twice is fine
        Assert.Empty(await idle);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Scripted_failures_are_answered_like_telegram()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = Client(server);
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);
        server.AlwaysFail("sendMessage", 7, 403, "Forbidden: bot was blocked by the user");

        var flood = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "a"));
        await bot.SendMessage(42, "b");
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(7, "c"));
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(7, "d"));

        Assert.Equal(429, flood.ErrorCode);
        Assert.Equal(5, flood.Parameters?.RetryAfter);
        Assert.Equal(403, blocked.ErrorCode);
        Assert.Null(blocked.Parameters);
        Assert.Equal(4, server.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized_and_an_unknown_method_is_not_found()
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var unauthorized = await Assert.ThrowsAsync<ApiRequestException>(() => Client(server, "999:WRONG").GetMe());
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Client(server).GetChat(42));

        Assert.Equal(401, unauthorized.ErrorCode);
        Assert.Equal("Unauthorized", unauthorized.Message);
        Assert.Equal(404, unknown.ErrorCode);
        Assert.Single(server.Calls); // only the call with the right token
    }
}
