using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PdBot.Adapters.Processing;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Listens on one connection for <see cref="PgOutboxSignals"/>' notices and wakes the named channel's sender, which
/// reads the outbox if this host sends that channel's messages (and ignores the notice otherwise).
/// </summary>
public sealed partial class PgOutboxListener(PgStorage storage, IServiceProvider services, TimeProvider time, ILogger<PgOutboxListener> logger) : BackgroundService
{
    public static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Listens until stopped, reconnecting after a failure; <paramref name="notified"/> gets the channel of each notice,
    /// and every channel of <paramref name="channels"/> once each time listening (re)starts, since notices sent while
    /// not listening are lost.
    /// </summary>
    public async Task ListenAsync(IReadOnlyList<string> channels, Action<string> notified, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(notified);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await storage.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => notified(e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + PgOutboxSignals.Topic, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                foreach (var channel in channels)
                {
                    notified(channel);
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or IOException)
            {
                LogListenFailed(ex.GetType().Name);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the channels are built once the host runs.
        var senders = services.GetServices<IChannelHealthSource>().OfType<PlatformChannel>().ToDictionary(c => c.Channel, c => c.Sender, StringComparer.Ordinal);
        if (senders.Count > 0)
        {
            await ListenAsync([.. senders.Keys], channel => senders.GetValueOrDefault(channel)?.Notified(), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other hosts' outbox messages failed ({Error}); reconnecting")]
    private partial void LogListenFailed(string error);
}
