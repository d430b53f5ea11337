using System.Data.Common;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Fleet;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Hands a channel's new outbox messages to the host that sends them: a <c>NOTIFY pdbot_outbox</c> with the channel's
/// name (no personal data), heard by that host's <see cref="PgOutboxListener"/>. Commits in quick succession fold
/// into one notice per <see cref="Coalesce"/>, so a busy host does not make the sender read the outbox on every turn.
/// </summary>
public sealed partial class PgOutboxSignals(PgStorage storage, TimeProvider time, ILogger<PgOutboxSignals> logger) : IOutboxSignals
{
    public const string Topic = "pdbot_outbox";
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _again = new(StringComparer.Ordinal);

    public void Written(string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        lock (_gate)
        {
            if (!_running.Add(channel))
            {
                _again.Add(channel); // a notice is on its way: one more goes after it
                return;
            }
        }

        _ = NotifyAsync(channel);
    }

    private async Task NotifyAsync(string channel)
    {
        await Task.Yield(); // off the committing turn's path
        while (true)
        {
            try
            {
                await storage.CommitNowAsync(tx => tx.ExecuteAsync("SELECT pg_notify($1, $2)", Topic, channel));
            }
            catch (Exception ex) when (ex is DbException or TimeoutException)
            {
                LogNotifyFailed(channel, ex.GetType().Name); // the sender reads the outbox every few seconds anyway
            }

            await Task.Delay(Coalesce, time);
            lock (_gate)
            {
                if (!_again.Remove(channel))
                {
                    _running.Remove(channel);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the {Channel} sender about new messages failed ({Error}); it finds them at its next read")]
    private partial void LogNotifyFailed(string channel, string error);
}
