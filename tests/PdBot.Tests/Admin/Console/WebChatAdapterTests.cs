using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PdBot.Bot.Admin.Chat;
using PdBot.Bot.Conversation;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Tests.Admin.Console;

/// <summary>The test chat's adapter and transcripts, without a browser.</summary>
public sealed class WebChatAdapterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_press_edits_the_buttons_of_the_same_message_and_its_hint_is_kept()
    {
        var (adapter, sessions) = Create(new CheckboxBot());
        await adapter.SayAsync("web-anna", "hi", default);
        var prompt = Assert.Single(sessions.Transcript("web-anna"), e => e.Kind == WebChatEntryKind.Bot);

        Assert.True(await adapter.PressAsync("web-anna", prompt.MessageId!, "tick", default));

        var transcript = sessions.Transcript("web-anna");
        Assert.Equal([WebChatEntryKind.Person, WebChatEntryKind.Bot, WebChatEntryKind.Press, WebChatEntryKind.Hint], transcript.Select(e => e.Kind));
        Assert.Equal(["☑ box"], transcript[1].AllButtons.Select(b => b.Label));
        Assert.Equal(prompt.MessageId, transcript[1].MessageId);
        Assert.Equal("☐ box", transcript[2].Text);
        Assert.Equal("ticked", transcript[3].Text);
    }

    [Fact]
    public async Task A_button_the_message_does_not_show_is_not_pressed_and_the_bot_never_hears_of_it()
    {
        var bot = new CheckboxBot();
        var (adapter, sessions) = Create(bot);
        await adapter.SayAsync("web-anna", "hi", default);
        var prompt = sessions.Transcript("web-anna")[1];

        Assert.False(await adapter.PressAsync("web-anna", prompt.MessageId!, "untick", default));
        Assert.False(await adapter.PressAsync("web-anna", "out-unknown-1", "tick", default));
        Assert.False(await adapter.PressAsync("web-oleg", prompt.MessageId!, "tick", default));

        Assert.Equal(1, bot.Turns);
        Assert.Equal(2, sessions.Transcript("web-anna").Count);
    }

    [Fact]
    public async Task The_transcript_keeps_only_the_newest_lines()
    {
        var (adapter, sessions) = Create(new CheckboxBot());

        for (var i = 0; i < WebChatSessions.MaxEntries; i++)
        {
            await adapter.SayAsync("web-anna", $"m{i}", default);
        }

        var transcript = sessions.Transcript("web-anna");
        Assert.Equal(WebChatSessions.MaxEntries, transcript.Count);
        Assert.Equal($"m{WebChatSessions.MaxEntries - 1}", transcript[^2].Text);
        Assert.Equal($"m{WebChatSessions.MaxEntries / 2}", transcript[0].Text);
    }

    [Fact]
    public async Task Turns_of_many_chats_at_once_lose_no_line()
    {
        var (adapter, sessions) = Create(new CheckboxBot());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => adapter.SayAsync($"web-a{i % 4}", $"m{i}", default))));

        Assert.All(Enumerable.Range(0, 4), n => Assert.Equal(20, sessions.Transcript($"web-a{n}").Count));
    }

    [Fact]
    public async Task A_failing_turn_shows_the_usual_apology()
    {
        var (adapter, sessions) = Create(new FailingBot());

        await adapter.SayAsync("web-anna", "hi", default);

        Assert.Equal(BotTexts.Error, sessions.Transcript("web-anna")[^1].Text);
    }

    [Fact]
    public async Task Starting_over_skips_ids_the_store_knows_and_forgets_the_old_transcript()
    {
        var sessions = new WebChatSessions(id => id == "web-anna-2");
        var adapter = new WebChatAdapter(sessions, new CheckboxBot(), _clock, NullLogger<WebChatAdapter>.Instance);
        Assert.Equal("web-anna", sessions.UserIdOf("anna"));
        await adapter.SayAsync("web-anna", "hi", default);

        Assert.Equal("web-anna-3", sessions.Restart("anna"));

        Assert.Equal("web-anna-3", sessions.UserIdOf("anna"));
        Assert.Empty(sessions.Transcript("web-anna"));
        Assert.Equal("web-anna-4", sessions.Restart("anna"));
        Assert.Equal("web-oleg", sessions.UserIdOf("oleg"));
    }

    [Fact]
    public async Task The_outbox_is_delivered_to_test_chats_only_and_the_terminal_keeps_its_messages()
    {
        using var host = new PdBotTestHost();
        var store = host.Services.GetRequiredService<IOutbox>();
        var sessions = new WebChatSessions(_ => false);
        var adapter = new WebChatAdapter(sessions, host.Bot, _clock, NullLogger<WebChatAdapter>.Instance);
        using var outbox = new WebChatOutboxMiddleware(store, _clock);
        await store.EnqueueAsync(
        [
            new OutboxMessage { Channel = WebChatAdapter.Channel, ChatId = "web-anna", Text = "Ответ на запрос", Kind = "answer", CreatedAtUtc = _clock.GetUtcNow().UtcDateTime },
            new OutboxMessage { Channel = WebChatAdapter.Channel, ChatId = ChatVerbUser, Text = "Для терминала", Kind = "answer", CreatedAtUtc = _clock.GetUtcNow().UtcDateTime },
        ], []);

        Assert.Equal(1, await outbox.DeliverAsync(adapter, default));

        Assert.Equal("Ответ на запрос", Assert.Single(sessions.Transcript("web-anna")).Text);
        Assert.Equal(ChatVerbUser, Assert.Single(store.Pending(WebChatAdapter.Channel)).ChatId);
        Assert.Equal(0, await outbox.DeliverAsync(adapter, default));
    }

    private const string ChatVerbUser = PdBot.Bot.Cli.ChatVerb.DefaultUser;

    private (WebChatAdapter Adapter, WebChatSessions Sessions) Create(IBot bot)
    {
        var sessions = new WebChatSessions(_ => false);
        return (new WebChatAdapter(sessions, bot, _clock, NullLogger<WebChatAdapter>.Instance), sessions);
    }

    /// <summary>Sends a checkbox on any message; a tick answers with a hint and edits the pressed message.</summary>
    private sealed class CheckboxBot : IBot
    {
        public int Turns { get; private set; }

        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            Turns++;
            if (turn.Activity.Type == ActivityType.Message)
            {
                await turn.SendAsync(BotMessage.WithButtons("prompt", new Button("☐ box", "tick")), cancellationToken);
                return;
            }

            await turn.AnswerButtonAsync("ticked", cancellationToken);
            await turn.UpdateButtonsAsync(turn.Activity.ReplyToId!, [[new Button("☑ box", "untick")]], cancellationToken);
        }
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }
}
