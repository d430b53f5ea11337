using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Processing;

namespace PdBot.Tests.Processing;

public sealed class SendPacerTests
{
    private static readonly SendLimits Limits = new(30, 5, TimeSpan.FromSeconds(1), AtMostOnce: true);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_chat_waits_after_its_burst_and_refills_one_call_per_interval()
    {
        var pacer = new SendPacer(Limits, _clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TryTake("a"));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Delay("a"));
        Assert.Equal(TimeSpan.Zero, pacer.Delay("b"));

        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(600), pacer.TryTake("a"));
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("a"));
    }

    [Fact]
    public void The_overall_limit_holds_across_chats_for_one_second()
    {
        var pacer = new SendPacer(Limits, _clock);
        for (var i = 0; i < 30; i++)
        {
            pacer.Take($"chat-{i}");
        }

        _clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(750), pacer.TryTake("another"));
        _clock.Advance(TimeSpan.FromMilliseconds(750));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("another"));
    }

    [Fact]
    public void Chats_whose_bucket_is_full_again_are_forgotten_so_memory_stays_bounded()
    {
        var pacer = new SendPacer(Limits, _clock);
        for (var round = 0; round < 100; round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                pacer.Take($"chat-{round}-{i}");
            }

            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        // 100,000 chats served; only the recent ones may still be remembered (a sweep runs when the count doubles).
        Assert.InRange(pacer.TrackedChats, 1000, 4096);
        Assert.Equal(TimeSpan.Zero, pacer.Delay("chat-99-0"));
    }

    [Fact]
    public async Task A_reply_waiting_for_the_window_takes_the_next_slot_before_a_mailing()
    {
        var pacer = new SendPacer(Limits with { PerSecondOverall = 1 }, _clock);
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("x"));
        var mailing = pacer.WaitSpareAsync(null, default);
        var reply = pacer.WaitAsync("a", default);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await reply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(mailing.IsCompleted); // the freed slot went to the reply

        for (var i = 0; i < 300 && !mailing.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(5));
            await Task.WhenAny(mailing, Task.Delay(1));
        }

        await mailing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(pacer.Delay("b") > TimeSpan.Zero); // and it took a slot of the window
    }
}
