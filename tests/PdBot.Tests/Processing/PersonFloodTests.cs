using PdBot.Adapters.Processing;
using PdBot.Core.Consent;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Processing;

/// <summary>One person sending messages faster than anybody types: nobody else waits for it, and their withdrawal still works.</summary>
public sealed class PersonFloodTests
{
    [Fact]
    public async Task A_person_flooding_messages_has_their_withdrawal_done_and_delays_another_person_by_a_few_turns_only()
    {
        using var h = new LoopHarness(workers: 1);
        await h.GiveMailingConsentAsync("vera");
        h.Bot.Turns.Clear();
        h.Committed.Clear();

        // 200 messages within a second, then the demand to stop, then someone else.
        for (var i = 0; i < 200; i++)
        {
            await h.SayAsync("vera", "ау " + i);
            h.Host.Clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        await h.SayAsync("vera", "/stop");
        await h.SayAsync("calm", "/start");
        await h.Loop.RunOnceAsync(default);

        var turns = h.Bot.Turns.ToList();
        Assert.Equal(ConsentState.Withdrawn, h.Host.StateOf("mailing", "vera"));
        Assert.Contains(turns, a => a.UserId == "vera" && a.Text == "/stop");
        Assert.InRange(turns.FindIndex(a => a.UserId == "calm"), 0, new ProcessingOptions().MaxQueuedPerPerson + 1);

        // Their newest messages ran; the older ones were folded, and they were told once.
        Assert.Contains(turns, a => a.UserId == "vera" && a.Text == "ау 199");
        Assert.DoesNotContain(turns, a => a.UserId == "vera" && a.Text == "ау 0");
        Assert.Single(h.Committed, m => m.ChatId == "vera" && m.Text.Contains("Слишком много сообщений", StringComparison.Ordinal));
        Assert.Empty(h.Inbox.Unprocessed("test"));
    }

    [Fact]
    public async Task A_backlog_of_slow_messages_after_a_pause_is_not_taken_for_a_flood()
    {
        using var h = new LoopHarness(workers: 1);

        // 60 messages a minute apart, all waiting (the host was down): every one gets its turn.
        for (var i = 0; i < 60; i++)
        {
            await h.SayAsync("slow", "сообщение " + i);
            h.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await h.Loop.RunOnceAsync(default);

        Assert.Equal(60, h.Bot.Turns.Count(a => a.UserId == "slow"));
        Assert.DoesNotContain(h.Committed, m => m.Text.Contains("Слишком много", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_inbox_cap_counts_what_the_store_held_at_start_and_frees_as_it_is_processed()
    {
        using var h = new LoopHarness(options: new ProcessingOptions { Workers = 2, MaxUnprocessedUpdates = 2 });
        var now = h.Host.Clock.GetUtcNow().UtcDateTime;

        // Stored by a previous run, never queued by this loop.
        foreach (var id in new[] { "a", "b" })
        {
            await h.Inbox.TryAddAsync(new PdBot.Core.Inbox.InboxItem
            {
                Id = "test:" + id,
                Channel = "test",
                Payload = System.Text.Json.JsonSerializer.Serialize(PdBot.Core.Turns.Activity.Message("test", id, "/start", id)),
                ReceivedAtUtc = now,
            });
        }

        Assert.True(h.Loop.Full);
        await h.Loop.RunOnceAsync(default);
        Assert.False(h.Loop.Full);
    }
}
