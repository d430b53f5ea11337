using PdBot.Adapters.Local;
using PdBot.Bot.Conversation;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Conversations;

/// <summary>Defect 8: on the local channel a turn delivers only what waits for its own chat.</summary>
public sealed class LocalOutboxTests : IDisposable
{
    private const string Answer = "Ответ на ваш запрос № 1: сведения о ваших данных";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IOutbox Store => (IOutbox)_host.Services.GetService(typeof(IOutbox))!;

    [Fact]
    public async Task A_local_users_turn_does_not_print_another_users_answer_and_leaves_it_unsent_until_its_owner_writes()
    {
        await Store.EnqueueAsync([new OutboxMessage
        {
            Channel = LocalConsoleAdapter.Channel, ChatId = "u1", Text = Answer, Kind = "request-answer", CreatedAtUtc = _host.Clock.GetUtcNow().UtcDateTime,
        }], []);

        var u2 = await ChatAsync("u2", "/start");
        Assert.DoesNotContain(Answer, u2, StringComparison.Ordinal);
        Assert.Contains("Согласен(на) на рассылку", u2, StringComparison.Ordinal);
        var pending = Assert.Single(Store.Pending(LocalConsoleAdapter.Channel));
        Assert.Equal(("u1", null), (pending.ChatId, pending.SentAtUtc));

        var u1 = await ChatAsync("u1", "/start");
        Assert.Contains(Answer, u1, StringComparison.Ordinal);
        Assert.Empty(Store.Pending(LocalConsoleAdapter.Channel));
    }

    [Fact]
    public async Task Delivering_to_one_chat_sends_only_that_chats_messages()
    {
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        await Store.EnqueueAsync([
            new OutboxMessage { Channel = LocalConsoleAdapter.Channel, ChatId = "u1", Text = "для u1", Kind = "notice", CreatedAtUtc = now },
            new OutboxMessage { Channel = LocalConsoleAdapter.Channel, ChatId = "u2", Text = "для u2", Kind = "notice", CreatedAtUtc = now },
        ], []);
        using var output = new StringWriter();
        var adapter = new LocalConsoleAdapter(output, _host.Clock);

        Assert.Equal(1, await OutboxDispatcher.DeliverToChatAsync(Store, adapter, LocalConsoleAdapter.Channel, "u2", _host.Clock, default));

        Assert.Equal("для u2", output.ToString().Trim());
        Assert.Equal("u1", Assert.Single(Store.Pending(LocalConsoleAdapter.Channel)).ChatId);
    }

    [Fact]
    public async Task Pdbot_chat_as_another_user_neither_prints_nor_marks_sent_the_first_users_waiting_answer()
    {
        using var tmp = new TempFolder();
        var db = tmp.File("pdbot.db");
        using (var host = new PdBotTestHost(dbPath: db))
        {
            var store = (IOutbox)host.Services.GetService(typeof(IOutbox))!;
            await store.EnqueueAsync([new OutboxMessage
            {
                Channel = LocalConsoleAdapter.Channel, ChatId = "u1", Text = Answer, Kind = "request-answer", CreatedAtUtc = host.Clock.GetUtcNow().UtcDateTime,
            }], []);
        }

        var u2 = await CliRunner.RunWithInputAsync("/start\n", "chat", "--user", "u2", "--db", db);
        var u1 = await CliRunner.RunWithInputAsync("", "chat", "--user", "u1", "--db", db);

        Assert.Equal((0, 0), (u2.ExitCode, u1.ExitCode));
        Assert.DoesNotContain(Answer, u2.Out, StringComparison.Ordinal);
        Assert.Contains(Answer, u1.Out, StringComparison.Ordinal);
    }

    /// <summary>One <c>pdbot chat --user</c> session: the same pipeline as the CLI, output captured.</summary>
    private async Task<string> ChatAsync(string user, string input)
    {
        using var output = new StringWriter();
        var adapter = new LocalConsoleAdapter(output, _host.Clock);
        adapter.Use((IMiddleware)_host.Services.GetService(typeof(TurnLockMiddleware))!);
        adapter.Use((IMiddleware)_host.Services.GetService(typeof(OutboxDeliveryMiddleware))!);
        using var reader = new StringReader(input + "\n");
        await adapter.RunAsync(reader, user, _host.Bot, default);
        return output.ToString();
    }
}
