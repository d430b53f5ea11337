using Microsoft.Extensions.Time.Testing;

namespace PdBot.Tests.Processing;

/// <summary>
/// A fake clock on which every wait ends at once by moving the clock forward by the wait: a paced run completes
/// without real time passing, and the times read during it are the times a real clock would have shown.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
        }

        return timer;
    }
}
