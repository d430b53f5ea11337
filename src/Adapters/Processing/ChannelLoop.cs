using Microsoft.Extensions.Logging;
using PdBot.Core.Alerts;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Labels;
using PdBot.Core.People;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>
/// The one processing loop every platform channel runs: a stored update goes to its person's partition, turns of
/// different people run concurrently on a bounded set of workers, and each turn commits its state, its replies and
/// its "processed" mark in one transaction before the replies are handed to the channel's sender. A failing update
/// is retried a few times and then set aside; only that person's later updates wait for it.
/// </summary>
public sealed partial class ChannelLoop : IDisposable
{
    private const string Folded = "folded: too many presses";
    private const string FoldedFlood = "folded: too many updates from one person";
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];
    private static readonly TimeSpan BusyRetry = TimeSpan.FromSeconds(1);
    private readonly string _channel;
    private readonly IInbox _inbox;
    private readonly ITurnTransactions _transactions;
    private readonly IBot _bot;
    private readonly IWithdrawalRecognizer _withdrawals;
    private readonly Func<InboxItem, Activity?> _toActivity;
    private readonly Action<IReadOnlyList<OutboxMessage>> _committed;
    private readonly ProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AlertBoard? _alerts;
    private readonly IPartitionClaims _claims;
    private readonly OutboxTurnAdapter _adapter;
    private readonly PartitionQueue _queue = new();
    private readonly FloodControl _flood = new();
    private long _setAside;
    private int _seeded;

    /// <param name="toActivity">The channel's mapping of a stored update (null: nothing for the bot, e.g. an edited message).</param>
    /// <param name="committed">Receives a turn's replies once they are committed (the channel's sender).</param>
    /// <param name="alerts">Told when an update is set aside (operators see it in the admin chat and on the console's home page).</param>
    /// <param name="claims">Claims a person's partition across hosts sharing the store (null: this process alone, <see cref="LocalPartitionClaims"/>).</param>
    public ChannelLoop(
        string channel, IInbox inbox, ITurnTransactions transactions, IBot bot, IWithdrawalRecognizer withdrawals,
        Func<InboxItem, Activity?> toActivity, Action<IReadOnlyList<OutboxMessage>> committed,
        ProcessingOptions options, TimeProvider time, ILogger logger, AlertBoard? alerts = null, IPartitionClaims? claims = null)
    {
        (_channel, _inbox, _transactions, _bot, _withdrawals, _alerts) = (channel, inbox, transactions, bot, withdrawals, alerts);
        _claims = claims ?? LocalPartitionClaims.Instance;
        (_toActivity, _committed, _options, _time, _logger) = (toActivity, committed, options, time, logger);
        _adapter = new OutboxTurnAdapter(time);
    }

    /// <summary>Updates stored and not processed yet (those waiting for a retry included).</summary>
    public int Backlog => _queue.Count;

    public long SetAsideCount => Interlocked.Read(ref _setAside);

    /// <summary>
    /// The unprocessed updates are past <see cref="ProcessingOptions.MaxUnprocessedUpdates"/> or
    /// <see cref="ProcessingOptions.MaxUnprocessedBytes"/>: webhooks answer 503 with Retry-After and store nothing,
    /// polling waits. Counted in memory (seeded from the store once), so asking costs nothing.
    /// </summary>
    public bool Full
    {
        get
        {
            if (Interlocked.Exchange(ref _seeded, 1) == 0)
            {
                Reload();
            }

            return _queue.Count >= _options.MaxUnprocessedUpdates || _queue.Bytes >= _options.MaxUnprocessedBytes;
        }
    }

    /// <summary>What to tell a platform refused with 503 (<see cref="Full"/>).</summary>
    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, _options.RetryAfterSeconds));

    /// <summary>
    /// Stores an update (the platform may be told "ok" once this returns) and queues it for its person. A demand to
    /// stop is recognised here, so it is served before other people's work however long the queue is.
    /// </summary>
    /// <param name="activity">The update already mapped by the caller, which parsed it anyway; null: map it here.</param>
    /// <returns>False for a redelivery (already stored): nothing else happens.</returns>
    public async Task<bool> IngestAsync(InboxItem item, Activity? activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        activity ??= Map(item);
        item.Urgent = activity is not null && _withdrawals.IsWithdrawal(activity);
        item.PersonKey ??= activity is null ? null : Person.MakeKey(activity.ChannelId, activity.UserId);
        var added = await _inbox.TryAddAsync(item, cancellationToken);
        ProcessingMetrics.WebhookAcks.WithLabels(_channel, added ? "stored" : "duplicate").Inc();
        if (added)
        {
            _queue.Add(new InboxWork(item, activity));
            ProcessingMetrics.InboxBacklog.WithLabels(_channel).Set(_queue.Count);
        }

        return added;
    }

    /// <summary>
    /// Holds the person's turns while a mailing decides and sends to them: false when they have an update queued or
    /// running (try again after it). See <see cref="PartitionQueue.TryHold"/>.
    /// </summary>
    public bool TryHoldPerson(string userId) => _queue.TryHold(PersonKey(userId));

    /// <summary>Ends <see cref="TryHoldPerson"/>: their waiting updates run.</summary>
    public void ReleasePerson(string userId) => _queue.Release(PersonKey(userId));

    /// <summary>Runs the workers until stopped; first queues whatever a previous run left unprocessed.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        Reload();
        var workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)).ToList();
        if (_claims.PollInterval is { } every)
        {
            workers.Add(PollAsync(every, stoppingToken));
        }

        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Processes everything stored now with the usual concurrency (tests and start-up); also waits for turns running elsewhere.</summary>
    /// <returns>How many updates this call processed itself.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        Reload();
        var handled = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(async _ =>
        {
            while (_queue.TryTake(out var taken))
            {
                await ProcessAsync(taken.Partition, taken.Work, cancellationToken);
                Interlocked.Increment(ref handled);
            }
        }));
        await _queue.WhenIdleAsync().WaitAsync(cancellationToken);
        return handled;
    }

    public void Dispose() => _queue.Dispose();

    // The same key PartitionQueue.KeyOf gives the person's updates.
    private string PersonKey(string userId) => $"{_channel}:{userId}";

    private void Reload()
    {
        Interlocked.Exchange(ref _seeded, 1);
        foreach (var item in _inbox.Unprocessed(_channel))
        {
            if (!_queue.Knows(item.Id))
            {
                _queue.Add(new InboxWork(item, null));
            }
        }
    }

    /// <summary>
    /// Several hosts share the store: updates another host stored and left (it stopped, or is far behind) are queued
    /// here too. Taking one over is safe: its turn runs only under the person's claim, and only while unprocessed.
    /// </summary>
    private async Task PollAsync(TimeSpan every, CancellationToken stoppingToken)
    {
        // First at once: the other hosts learn this one is alive before it acknowledges much.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var item in await _claims.StrandedAsync(_channel, _queue.Knows, stoppingToken))
                {
                    _queue.Add(new InboxWork(item, Map(item)));
                }

                ProcessingMetrics.InboxBacklog.WithLabels(_channel).Set(_queue.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(ex, _channel);
            }

            await Task.Delay(every, _time, stoppingToken);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (partition, work) = await _queue.TakeAsync(stoppingToken);
            await ProcessAsync(partition, work, stoppingToken);
        }
    }

    private async Task ProcessAsync(Partition partition, InboxWork work, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        PartitionClaim claim;
        try
        {
            claim = await _claims.ClaimAsync(work.Item, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The store cannot be reached: the update stays stored and unprocessed; try again later.
            LogClaimFailed(ex, _channel);
            _queue.Park(partition, Backoff[0], _time);
            return;
        }

        if (claim.Outcome != ClaimOutcome.Run || claim.Item is not { } item)
        {
            await claim.DisposeAsync();
            if (claim.Outcome == ClaimOutcome.Busy)
            {
                _queue.Park(partition, BusyRetry, _time);
                return;
            }

            // Processed by another host meanwhile: nothing to do here.
            _queue.Complete(partition);
            ProcessingMetrics.InboxBacklog.WithLabels(_channel).Set(_queue.Count);
            return;
        }

        // Another host's older update of the same person comes first; this partition's own head stays for afterwards.
        var own = item.Id == work.Item.Id;
        IReadOnlyList<OutboxMessage> replies = [];
        Exception? failure = null;
        await using (claim)
        {
            try
            {
                replies = await TurnAsync(partition, item, own ? work.Activity ?? Map(item) : Map(item), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failure = ex;
            }
        }

        // Outside the claim: recording the failure must not hold the person's partition on other hosts.
        if (failure is not null)
        {
            await FailedAsync(partition, item, own, failure, ct);
            return;
        }

        var elapsed = _time.GetElapsedTime(started);
        ProcessingMetrics.TurnDuration.WithLabels(_channel).Observe(elapsed.TotalSeconds);
        if (item.Urgent)
        {
            ProcessingMetrics.WithdrawalLatency.WithLabels(_channel).Observe(Math.Max(0, (_time.GetUtcNow().UtcDateTime - item.ReceivedAtUtc).TotalSeconds));
        }

        Finish(partition, own);
        ProcessingMetrics.InboxBacklog.WithLabels(_channel).Set(_queue.Count);
        if (replies.Count > 0)
        {
            _committed(replies);
        }
    }

    // The partition's head is done; or, when an older update of another host ran in its place, the head runs next.
    private void Finish(Partition partition, bool own)
    {
        if (own)
        {
            _queue.Complete(partition);
        }
        else
        {
            _queue.Again(partition);
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> TurnAsync(Partition partition, InboxItem item, Activity? activity, CancellationToken ct) =>
        activity is null ? await SkipAsync(item, "nothing for the bot", "skipped", [], ct)
        : Flooding(partition, item, activity) ? _flood.Fold(partition.Key, item.ReceivedAtUtc) switch
        {
            FloodDecision.FoldAndNotice => await SkipAsync(item, FoldedFlood, "coalesced", TooMany(activity), ct),
            _ => await SkipAsync(item, FoldedFlood, "coalesced", [], ct),
        }
        : _flood.Check(partition.Key, activity, item.ReceivedAtUtc) switch
        {
            FloodDecision.Run => await RunTurnAsync(item, activity, ct),
            FloodDecision.FoldAndNotice => await SkipAsync(item, Folded, "coalesced", SlowDown(activity), ct),
            _ => await SkipAsync(item, Folded, "coalesced", [], ct),
        };

    private async Task<IReadOnlyList<OutboxMessage>> RunTurnAsync(InboxItem item, Activity activity, CancellationToken ct)
    {
        var turn = new TurnContext(_adapter, activity);
        using (var writes = _transactions.Begin())
        {
            await _adapter.RunPipelineAsync(turn, _bot, ct);
            var replies = OutboxTurnAdapter.RepliesOf(turn);
            MarkProcessed(item, null);
            await _transactions.CommitAsync(writes, [item], replies, ct);
            ProcessingMetrics.TurnsProcessed.WithLabels(_channel, "ok").Inc();
            return replies;
        }
    }

    /// <summary>Marks an update processed without a turn (with the replies given, if any).</summary>
    private async Task<IReadOnlyList<OutboxMessage>> SkipAsync(InboxItem item, string note, string result, IReadOnlyList<OutboxMessage> replies, CancellationToken ct)
    {
        using var writes = _transactions.Begin();
        MarkProcessed(item, note);
        await _transactions.CommitAsync(writes, [item], replies, ct);
        ProcessingMetrics.TurnsProcessed.WithLabels(_channel, result).Inc();
        return replies;
    }

    /// <summary>
    /// A person's own flood (<see cref="ProcessingOptions.MaxQueuedPerPerson"/> more updates within a minute behind this
    /// one): their older messages and presses are folded so their newest ones, and any demand to stop, are reached
    /// quickly; other people are not affected either way (partitions are served round-robin). Demands to stop and
    /// platform events (blocked, allowed) are never folded.
    /// </summary>
    private bool Flooding(Partition partition, InboxItem item, Activity activity) =>
        !item.Urgent && activity.Type is ActivityType.Message or ActivityType.ButtonPress
        && _queue.IsFlooding(partition, _options.MaxQueuedPerPerson, FloodControl.QueueWindow);

    // A message flood is told in the chat; a press flood (or a press folded by the queue) is answered on the press.
    private OutboxMessage[] TooMany(Activity activity) => activity.Type == ActivityType.ButtonPress ? SlowDown(activity)
        : Notice(activity, OutboxAction.Send, "flood", "Слишком много сообщений подряд: часть из них бот пропустил. Подождите минуту и напишите ещё раз.");

    private OutboxMessage[] SlowDown(Activity press) =>
        Notice(press, OutboxAction.Answer, "slow", "Слишком много нажатий подряд — подождите пару секунд, и всё сработает.");

    private OutboxMessage[] Notice(Activity activity, string action, string tag, string text) =>
    [
        new()
        {
            Channel = activity.ChannelId,
            ChatId = activity.ChatId,
            UserId = activity.UserId,
            Kind = OutboxKind.TurnReply,
            Action = action,
            PressId = action == OutboxAction.Answer ? activity.ButtonPressId : null,
            Text = text,
            DedupeKey = $"{activity.DedupeKey ?? activity.MessageId}:{tag}:{activity.ChatId}",
            CreatedAtUtc = _time.GetUtcNow().UtcDateTime,
        },
    ];

    private async Task FailedAsync(Partition partition, InboxItem item, bool own, Exception ex, CancellationToken ct)
    {
        item.ProcessedAtUtc = null;
        var attempt = item.Attempts + 1;
        LogFailed(ex, _channel, item.ReceivedAtUtc, attempt);
        try
        {
            if (attempt >= _options.MaxAttempts)
            {
                (item.Attempts, item.SetAside) = (attempt, true);
                using (var writes = _transactions.Begin())
                {
                    MarkProcessed(item, "set aside: " + ex.GetType().Name);
                    await _transactions.CommitAsync(writes, [item], [], ct);
                }

                Interlocked.Increment(ref _setAside);
                ProcessingMetrics.SetAside.WithLabels(_channel).Inc();
                ProcessingMetrics.TurnsProcessed.WithLabels(_channel, "set-aside").Inc();
                Finish(partition, own);
                await AlertSetAsideAsync(item, ct);
                return;
            }

            await _inbox.MarkFailedAsync(item, ex.GetType().Name, ct);
        }
        catch (Exception storeError) when (storeError is not OperationCanceledException)
        {
            // The store itself fails: keep the update (it is still unprocessed on disk) and try later.
            LogStoreFailed(storeError, _channel);
        }

        _queue.Park(partition, Backoff[Math.Min(attempt, Backoff.Length) - 1], _time);
    }

    // Outside the turn's scope, so the alert commits on its own. Only the item's key: no content.
    private async Task AlertSetAsideAsync(InboxItem item, CancellationToken ct)
    {
        if (_alerts is null)
        {
            return;
        }

        try
        {
            await _alerts.RaiseAsync(
                AlertKinds.PoisonUpdate,
                "poison:" + item.Id,
                FormattableString.Invariant(
                    $"Обновление {item.Id} канала «{RussianLabels.Channel(_channel)}» не обработано (попыток: {item.Attempts}) и отложено: человек не получил ответа на это сообщение. Содержимое в оповещение не включено; причина ошибки — в журнале приложения."),
                ct);
        }
        catch (Exception alertError) when (alertError is not OperationCanceledException)
        {
            LogAlertFailed(alertError, _channel);
        }
    }

    private void MarkProcessed(InboxItem item, string? note)
    {
        item.ProcessedAtUtc = _time.GetUtcNow().UtcDateTime;
        item.LastError = note;
    }

    private Activity? Map(InboxItem item)
    {
        try
        {
            return _toActivity(item);
        }
#pragma warning disable CA1031 // Any update the mapping cannot read is skipped, never retried: it would fail the same way.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Stored, but not an update the bot can read: processed as "nothing to do" (the raw item stays for the sweep).
            LogUnreadable(_channel, ex.GetType().Name);
            return null;
        }
    }

    // Not the item id: a refused-send notice carries the chat id, which is personal data.
    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a {Channel} update received {ReceivedAtUtc:O} failed (attempt {Attempt})")]
    private partial void LogFailed(Exception ex, string channel, DateTime receivedAtUtc, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} store failed while recording a failed update; it stays unprocessed")]
    private partial void LogStoreFailed(Exception ex, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming a {Channel} update's person failed; it stays unprocessed")]
    private partial void LogClaimFailed(Exception ex, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for {Channel} updates other hosts left unprocessed failed; trying again")]
    private partial void LogPollFailed(Exception ex, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Channel} update was set aside, but the operators' alert could not be raised")]
    private partial void LogAlertFailed(Exception ex, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored {Channel} update cannot be read ({Error}); skipped")]
    private partial void LogUnreadable(string channel, string error);
}
