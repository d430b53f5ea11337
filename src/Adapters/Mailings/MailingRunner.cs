using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Fleet;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Adapters.Mailings;

/// <summary>
/// Runs the mailings: starts a scheduled one when its time comes and the hours allow (the audience — people whose
/// mailing consent is given, on the mailing's channels, following its topic — becomes one pending ledger row each),
/// has each platform's <see cref="IMailingChannel"/> send while it is sending and the hours allow, and finishes it
/// once every row has an outcome. Each mailing sends on its own task, so a long one never holds back another.
/// With several hosts, the holder of <see cref="DeploymentJobs.Mailings"/> runs them; a host taking the job over
/// first resolves the rows a previous holder left in flight, as after a restart.
/// </summary>
public sealed partial class MailingRunner : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IMailingChannel> _channels;
    private readonly IMailingStore _store;
    private readonly IConsentStore _consents;
    private readonly ConsentCatalog _catalog;
    private readonly MailingService _service;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDeploymentLease _lease;
    private readonly ConcurrentDictionary<long, Task> _sending = new();

    // Mailings found with rows still open and not sent on since: their ledger is not read again every round
    // (a mailing waiting for the morning would otherwise be read whole every second).
    private readonly ConcurrentDictionary<long, byte> _foundOpen = new();
    private readonly SemaphoreSlim _round = new(1, 1);
    private TaskCompletionSource _wake = NewWake();
    private bool _holding;

    /// <param name="lease">Which host runs the mailings (null: this one, the only one).</param>
    public MailingRunner(
        IEnumerable<IMailingChannel> channels, IMailingStore store, IConsentStore consents, ConsentCatalog catalog,
        MailingService service, TimeProvider time, ILogger<MailingRunner> logger, IDeploymentLease? lease = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
        (_store, _consents, _catalog, _service, _time, _logger) = (store, consents, catalog, service, time, logger);
        _lease = lease ?? SingleProcessLease.Instance;
    }

    /// <summary>The channels that can send mailings here (those configured).</summary>
    public IReadOnlyCollection<string> Channels => _channels.Keys;

    /// <summary>A mailing changed (scheduled, resumed…): look again now rather than at the next tick.</summary>
    public void Signal() => Interlocked.Exchange(ref _wake, NewWake()).TrySetResult();

    /// <summary>
    /// One round: starts what is due, lets every sending mailing send until it is done or stopped, and finishes what
    /// is done (tests and one-off runs; the background loop does the same without waiting for the sends).
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await RoundAsync(cancellationToken);
        await Task.WhenAll(_sending.Values);
        await RoundAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    /// <summary>One pass; never two at once (the background loop and a one-off run would start a mailing twice).</summary>
    private async Task RoundAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct);
        try
        {
            // Finishing first: a mailing whose sends are done must not get a fresh (empty) send task before it is finished.
            await FinishDoneAsync(ct);
            await StartDueAsync(ct);
            StartSends(ct);
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>After a restart: rows left in flight by a crash are resolved by their channel before anything else is sent.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var mailing in _store.InStates(MailingState.Sending, MailingState.Paused, MailingState.Cancelled))
        {
            if (mailing.Finished && mailing.LedgerHash is not null)
            {
                continue;
            }

            foreach (var channel in ChannelsOf(mailing))
            {
                await channel.RecoverAsync(mailing, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                if (await HoldAsync(stoppingToken))
                {
                    await RoundAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(wake, Task.Delay(Period, _time, stop.Token));
            await stop.CancelAsync();
        }

        await Task.WhenAll(_sending.Values);
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether this host runs the mailings now; on taking them (at start, or over from a host gone) it recovers first.</summary>
    private async Task<bool> HoldAsync(CancellationToken ct)
    {
        var holds = await _lease.TryHoldAsync(DeploymentJobs.Mailings, ct);
        if (holds && !_holding)
        {
            await Recover(ct);
        }

        _holding = holds;
        return holds;
    }

    private async Task Recover(CancellationToken ct)
    {
        try
        {
            await RecoverAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRoundFailed(ex);
        }
    }

    private bool HoursAllow() => _service.Hours.Allows(_time.GetUtcNow());

    private IEnumerable<IMailingChannel> ChannelsOf(Mailing mailing) =>
        mailing.Channels.Select(c => _channels.GetValueOrDefault(c)).OfType<IMailingChannel>();

    private async Task StartDueAsync(CancellationToken ct)
    {
        if (!HoursAllow())
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var mailing in _store.InStates(MailingState.Scheduled).Where(m => (m.SendAtUtc ?? DateTime.MinValue) <= now))
        {
            var audience = Audience(mailing, now);
            var started = await _service.StartAsync(mailing, audience, ct);
            if (started.Ok)
            {
                LogStarted(mailing.Id, audience.Count);
            }
        }
    }

    /// <summary>People whose mailing consent is given now, on a channel of the mailing that can send here, following its topic.</summary>
    private List<MailingDelivery> Audience(Mailing mailing, DateTime now)
    {
        var channels = mailing.Channels.Where(_channels.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var rows = new List<MailingDelivery>();
        foreach (var consent in _consents.InState(_catalog.Mailing.Id, ConsentState.Given))
        {
            var person = _consents.FindPersonById(consent.PersonId);
            if (person is null || !channels.Contains(person.Channel) || MailingAudience.Excludes(person, consent, mailing.Topic) is not null)
            {
                continue;
            }

            rows.Add(new MailingDelivery
            {
                Id = MailingDelivery.MakeId(mailing.Id, person.Id),
                MailingId = mailing.Id,
                PersonId = person.Id,
                Channel = person.Channel,
                AtUtc = now,
            });
        }

        return rows;
    }

    private void StartSends(CancellationToken ct)
    {
        if (!HoursAllow())
        {
            return;
        }

        foreach (var mailing in _store.InStates(MailingState.Sending))
        {
            if (_sending.TryGetValue(mailing.Id, out var running) && !running.IsCompleted)
            {
                continue;
            }

            _foundOpen.TryRemove(mailing.Id, out _);
            _sending[mailing.Id] = Task.Run(() => SendAsync(mailing, ct), CancellationToken.None);
        }
    }

    private async Task SendAsync(Mailing mailing, CancellationToken ct)
    {
        var id = mailing.Id;
        bool MayGoOn() => !ct.IsCancellationRequested && _lease.Holds(DeploymentJobs.Mailings) && HoursAllow() && _store.Find(id)?.State == MailingState.Sending;
        try
        {
            await Task.WhenAll(ChannelsOf(mailing).Select(c => c.SendAsync(mailing, MayGoOn, ct)));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping: the ledger says where to go on
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, id);
        }

        Signal(); // it may be done: finish it without waiting for the tick
    }

    private async Task FinishDoneAsync(CancellationToken ct)
    {
        foreach (var mailing in _store.InStates(MailingState.Sending, MailingState.Cancelled))
        {
            if (mailing.LedgerHash is not null || _foundOpen.ContainsKey(mailing.Id) || (_sending.TryGetValue(mailing.Id, out var running) && !running.IsCompleted))
            {
                continue;
            }

            var rows = _store.Deliveries(mailing.Id);
            var open = mailing.State == MailingState.Cancelled
                ? rows.Any(r => r.State == MailingDeliveryState.InFlight)
                : rows.Any(r => r.State is MailingDeliveryState.Pending or MailingDeliveryState.InFlight);
            if (open)
            {
                _foundOpen[mailing.Id] = 0;
                continue;
            }

            var finished = await _service.FinishAsync(mailing.Id, ct);
            if (finished.Ok)
            {
                LogFinished(mailing.Id, finished.Mailing!.State);
            }

            _sending.TryRemove(mailing.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing {MailingId} started with {Recipients} recipients")]
    private partial void LogStarted(long mailingId, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailing {MailingId} finished: {State}")]
    private partial void LogFinished(long mailingId, MailingState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending mailing {MailingId} failed; it goes on at the next round")]
    private partial void LogSendFailed(Exception ex, long mailingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A mailing round failed; it runs again in a second")]
    private partial void LogRoundFailed(Exception ex);
}
