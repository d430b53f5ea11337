using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Processing;

public sealed class ChannelLoopTests
{
    private static readonly string Tick = new Payload(Payload.Tick, "mailing").ToString();
    private static readonly string Submit = new Payload(Payload.Submit, "mailing").ToString();

    [Fact]
    public async Task Each_persons_tick_comes_before_their_submit_while_many_people_run_concurrently()
    {
        using var h = new LoopHarness(workers: 16);
        using var stop = new CancellationTokenSource();
        var workers = h.Loop.RunAsync(stop.Token);
        var people = Enumerable.Range(0, 60).Select(i => $"p{i}").ToList();

        // Each step for everybody at once: the steps of one person are stored in order, the people concurrently.
        foreach (var step in new Func<string, Task<bool>>[] { p => h.SayAsync(p, "/start"), p => h.PressAsync(p, Tick), p => h.PressAsync(p, Submit) })
        {
            await Task.WhenAll(people.Select(step));
        }

        await h.Loop.RunOnceAsync(default);
        await stop.CancelAsync();
        await workers;

        Assert.All(people, p => Assert.Equal(ConsentState.Given, h.Host.StateOf("mailing", p)));
        Assert.True(h.Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_turns_state_its_replies_and_its_processed_mark_are_committed_together()
    {
        using var h = new LoopHarness();

        await h.SayAsync("anna", "/start");
        await h.Loop.RunOnceAsync(default);

        var stored = h.Host.Services.GetRequiredService<IOutbox>().Pending("test");
        var prompt = Assert.Single(stored, m => m.Action == OutboxAction.Send);
        Assert.Equal(OutboxKind.TurnReply, prompt.Kind);
        Assert.Contains(ConsentSteps.MailingBox, OutboxButtons.Read(prompt.Buttons).SelectMany(r => r).Select(b => b.Label));
        Assert.Equal(stored.Select(m => m.Id), h.Committed.Select(m => m.Id));
        Assert.Empty(h.Inbox.Unprocessed("test"));
        Assert.NotNull(h.Host.Store.FindPerson("test", "anna"));
    }

    [Fact]
    public async Task A_failing_turn_leaves_no_state_and_no_reply_and_is_set_aside_while_others_go_on()
    {
        using var h = new LoopHarness(failWhen: a => a.UserId == "poison");

        await h.SayAsync("poison", "/start");
        await h.SayAsync("poison", "ещё сообщение");
        await h.SayAsync("anna", "/start");
        await h.Loop.RunOnceAsync(default);

        Assert.Null(h.Host.Store.FindPerson("test", "poison"));
        Assert.DoesNotContain(h.Committed, m => m.ChatId == "poison");
        Assert.NotNull(h.Host.Store.FindPerson("test", "anna"));
        Assert.Equal(1, Assert.Single(h.Inbox.Unprocessed("test"), i => i.Payload.Contains("/start", StringComparison.Ordinal)).Attempts);

        // The retries come at the backoff times; after the last one the update is set aside and the next one runs.
        for (var i = 0; i < 6; i++)
        {
            h.Host.Clock.Advance(TimeSpan.FromSeconds(30));
            await h.Loop.RunOnceAsync(default);
        }

        Assert.Equal(2, h.Loop.SetAsideCount);
        Assert.Empty(h.Inbox.Unprocessed("test"));
        Assert.Equal(6, h.Bot.Turns.Count(a => a.UserId == "poison"));
    }

    [Fact]
    public async Task A_withdrawal_queued_behind_a_thousand_updates_is_processed_first()
    {
        using var h = new LoopHarness();
        await h.GiveMailingConsentAsync("vera");
        h.Bot.Turns.Clear();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => h.SayAsync($"p{i}", "Здравствуйте")));

        await h.SayAsync("vera", "/stop");
        await h.Loop.RunOnceAsync(default);

        Assert.True(h.Bot.Turns.TryPeek(out var first));
        Assert.Equal(("vera", "/stop"), (first.UserId, first.Text));
        Assert.Equal(ConsentState.Withdrawn, h.Host.StateOf("mailing", "vera"));
        Assert.Equal(1001, h.Bot.Turns.Count);
    }

    [Fact]
    public async Task A_person_pressing_hundreds_of_times_gets_a_few_turns_and_one_polite_answer()
    {
        using var h = new LoopHarness();
        await h.SayAsync("flood", "/start");
        await h.Loop.RunOnceAsync(default);
        h.Bot.Turns.Clear();
        h.Committed.Clear();

        // 300 presses in 4 seconds.
        for (var i = 0; i < 300; i++)
        {
            await h.PressAsync("flood", Tick);
            h.Host.Clock.Advance(TimeSpan.FromMilliseconds(13));
        }

        await h.SayAsync("calm", "/start");
        await h.Loop.RunOnceAsync(default);

        var floodTurns = h.Bot.Turns.Count(a => a.UserId == "flood");
        Assert.InRange(floodTurns, 5, 25);
        Assert.Single(h.Committed, m => m.ChatId == "flood" && m.Text.Contains("Слишком много нажатий", StringComparison.Ordinal));
        Assert.Contains(h.Bot.Turns, a => a.UserId == "calm");
        Assert.Empty(h.Inbox.Unprocessed("test"));
    }

    [Fact]
    public async Task A_redelivered_update_is_stored_once_and_processed_once()
    {
        using var h = new LoopHarness();
        var start = Activity.Message("test", "anna", "/start", "same-id");

        Assert.True(await h.IngestAsync(start));
        Assert.False(await h.IngestAsync(start));
        await h.Loop.RunOnceAsync(default);

        Assert.Single(h.Bot.Turns);
        Assert.Single(h.Committed, m => m.Action == OutboxAction.Send);
    }
}
