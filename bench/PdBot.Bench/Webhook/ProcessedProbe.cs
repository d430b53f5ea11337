using PdBot.Adapters.Processing;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Counts updates processed since it was created: the processing loop's own counter (turns committed ok) when it
/// moves; otherwise — the loop before issue 11 does not count — the stored updates no longer unprocessed.
/// The inbox query loads every unprocessed update, so it is asked at most every 250 ms.
/// </summary>
internal sealed class ProcessedProbe(BotUnderTest bot, int unprocessedBefore)
{
    private static readonly TimeSpan InboxInterval = TimeSpan.FromMilliseconds(250);
    private readonly double _counterBefore = Counter;
    private DateTimeOffset _inboxAskedAt = DateTimeOffset.MinValue;
    private int _fromInbox;

    private static double Counter => ProcessingMetrics.TurnsProcessed.WithLabels("telegram", "ok").Value;

    /// <summary>Which source the last answer came from: "turns counter" or "inbox".</summary>
    public string Source { get; private set; } = "turns counter";

    /// <summary>Processed so far, given how many updates were stored since the probe was created.</summary>
    public int Processed(int stored)
    {
        var counted = (int)(Counter - _counterBefore);
        if (counted > 0)
        {
            Source = "turns counter";
            return counted;
        }

        var now = TimeProvider.System.GetUtcNow();
        if (now - _inboxAskedAt >= InboxInterval)
        {
            _inboxAskedAt = now;
            _fromInbox = unprocessedBefore + stored - bot.Inbox.Unprocessed("telegram").Count;
            Source = "inbox";
        }

        return _fromInbox;
    }
}
