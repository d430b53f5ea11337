using System.Globalization;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Vk;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;
using PdBot.Core.People;

namespace PdBot.Adapters.Mailings;

/// <summary>
/// One platform's mailing sender. Each recipient's send is ordered with their turns: their partition of the channel's
/// loop is held (refused while they have an update queued or running: the row waits until after it), the consent is
/// read under the hold, and the hold ends after the platform answered — so a withdrawal committed before the send
/// always stops it, and one arriving during it is processed after it. A row is stored in flight before its call
/// (with the consent that covers it), and its outcome after. Calls take only the pace no turn reply is waiting for.
/// </summary>
public sealed partial class MailingSender : IMailingChannel
{
    /// <summary>Calls of one mailing in flight at once (the pace, not this, sets the rate).</summary>
    public const int MaxCallsInFlight = 8;

    /// <summary>Attempts of a call the platform asked to repeat (429, 5xx, VK 6/10) before its rows fail.</summary>
    public const int MaxAttempts = 4;

    /// <summary>How soon a person busy with a turn is tried again.</summary>
    public static readonly TimeSpan HoldRetry = TimeSpan.FromMilliseconds(20);

    /// <summary>The reason of a row whose every attempt got no answer from the platform.</summary>
    public const string NetworkFailure = "network";

    /// <summary>The reason of a row refused without an error code.</summary>
    public const string OtherFailure = "error";

    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(30);

    private readonly IMailingClient _client;
    private readonly PlatformChannel _channel;
    private readonly IMailingStore _store;
    private readonly IConsentStore _consents;
    private readonly string _purpose;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MailingSender(IMailingClient client, PlatformChannel channel, IMailingStore store, IConsentStore consents, ConsentCatalog catalog, TimeProvider time, ILogger<MailingSender> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_client, _channel, _store, _consents, _time, _logger) = (client, channel, store, consents, time, logger);
        _purpose = catalog.Mailing.Id;
    }

    public string Channel => _client.Channel;

    /// <summary>VK's random_id of a mailing's call: a positive int32 from SHA-256 of "{mailingId}:{batch}", the same on a resend.</summary>
    public static long RandomId(long mailingId, long batch) => VkAdapter.RandomId(string.Create(CultureInfo.InvariantCulture, $"{mailingId}:{batch}"));

    public async Task RecoverAsync(Mailing mailing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        var inFlight = _store.Deliveries(mailing.Id, MailingDeliveryState.InFlight).Where(r => r.Channel == Channel).ToList();
        if (inFlight.Count == 0)
        {
            return;
        }

        if (_client.Limits.AtMostOnce || _client.MaxRecipientsPerCall == 1)
        {
            // No idempotency key (Telegram): it may have arrived, so it is never repeated.
            var now = Now();
            foreach (var row in inFlight)
            {
                (row.State, row.AtUtc, row.Reason) = (MailingDeliveryState.Unknown, now, null);
            }

            await _store.SaveDeliveriesAsync(inFlight, cancellationToken);
            LogRecovered(_logger, Channel, mailing.Id, inFlight.Count, "unknown");
            return;
        }

        var message = MailingMessage.Build(mailing);
        using var run = new Run(this, mailing, message, () => true);
        foreach (var batch in inFlight.GroupBy(r => r.Batch ?? 0))
        {
            // The same batch, the same random_id: VK drops it for whoever got it before the crash.
            IReadOnlyList<MailingDelivery> left = [.. batch];
            while ((left = await run.SendAsync(left, batch.Key, cancellationToken)).Count > 0)
            {
                await Task.Delay(HoldRetry, _time, cancellationToken);
            }
        }

        await run.DrainAsync();
        LogRecovered(_logger, Channel, mailing.Id, inFlight.Count, "resent");
    }

    public async Task<int> SendAsync(Mailing mailing, Func<bool> mayGoOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(mayGoOn);
        var rows = _store.Deliveries(mailing.Id).Where(r => r.Channel == Channel).ToList();
        mailing.LastBatch = Math.Max(mailing.LastBatch, rows.Max(r => r.Batch) ?? 0);
        var pending = new Queue<MailingDelivery>(rows.Where(r => r.State == MailingDeliveryState.Pending));
        if (pending.Count == 0)
        {
            return 0;
        }

        using var run = new Run(this, mailing, MailingMessage.Build(mailing), mayGoOn);
        var busy = new List<(MailingDelivery Row, DateTimeOffset Retry)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            busy.AddRange(run.TakeBusy());
            var now = _time.GetUtcNow();
            var take = new List<MailingDelivery>();
            while (take.Count < _client.MaxRecipientsPerCall && busy.FindIndex(b => b.Retry <= now) is var i and >= 0)
            {
                take.Add(busy[i].Row);
                busy.RemoveAt(i);
            }

            while (take.Count < _client.MaxRecipientsPerCall && pending.Count > 0)
            {
                take.Add(pending.Dequeue());
            }

            if (take.Count == 0)
            {
                if (busy.Count == 0 && !run.Working)
                {
                    break;
                }

                // People busy with a turn wait for it (their turn first, then their send); or a call in flight may give some back.
                await (busy.Count > 0 ? Task.Delay(busy.Min(b => b.Retry) - now, _time, cancellationToken) : run.WhenAnyDoneAsync());
                continue;
            }

            if (!mayGoOn())
            {
                break;
            }

            await run.StartAsync(take, cancellationToken);
        }

        await run.DrainAsync();
        mailing.LastBatch = run.LastBatch;
        return run.Finished;
    }

    private static string FailureReason(MailingRecipientResult r) => r switch
    {
        { Status: DeliveryStatus.Unreachable, ErrorCode: 403 } => MailingSkipReasons.BotBlocked,
        { Status: DeliveryStatus.Unreachable } => MailingSkipReasons.Denied,
        { ErrorCode: { } code } => code.ToString(CultureInfo.InvariantCulture),

        // No code to show (the platform never answered): the log has the details, the ledger only this word.
        { Status: DeliveryStatus.Retry } => NetworkFailure,
        _ => OtherFailure,
    };

    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1 << Math.Min(attempt, 5));
        return wait > MaxRetryWait ? MaxRetryWait : wait;
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: mailing {MailingId}: {Count} rows left in flight by a restart were {Outcome}")]
    private static partial void LogRecovered(ILogger logger, string channel, long mailingId, int count, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: mailing {MailingId}: {Count} sends failed ({Reason})")]
    private static partial void LogFailed(ILogger logger, string channel, long mailingId, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: mailing {MailingId}: a call failed unexpectedly; its rows stay in flight until the next start")]
    private static partial void LogCallCrashed(ILogger logger, string channel, long mailingId, Exception ex);

    /// <summary>One recipient under a hold: their row, person and the consent record read under it.</summary>
    private sealed record Held(MailingDelivery Row, Person Person, ConsentRecord Consent);

    /// <summary>One SendAsync or RecoverAsync: its message, the calls in flight, what got an outcome.</summary>
    private sealed class Run(MailingSender sender, Mailing mailing, Core.Turns.BotMessage message, Func<bool> mayGoOn) : IDisposable
    {
        // VK's call numbers of this run (random_id derives from them); the mailing keeps the last one.
        private long _lastBatch = mailing.LastBatch;

        private readonly SemaphoreSlim _slots = new(MaxCallsInFlight, MaxCallsInFlight);
        private readonly List<Task> _calls = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<(MailingDelivery Row, DateTimeOffset Retry)> _busy = new();
        private int _finished;

        public int Finished => Volatile.Read(ref _finished);

        public long LastBatch => Interlocked.Read(ref _lastBatch);

        /// <summary>Calls being prepared or made.</summary>
        public bool Working
        {
            get
            {
                lock (_calls)
                {
                    _calls.RemoveAll(c => c.IsCompleted);
                    return _calls.Count > 0;
                }
            }
        }

        /// <summary>Rows given back because their person was busy with a turn, with when to try them again.</summary>
        public List<(MailingDelivery Row, DateTimeOffset Retry)> TakeBusy()
        {
            var taken = new List<(MailingDelivery, DateTimeOffset)>();
            while (_busy.TryDequeue(out var b))
            {
                taken.Add(b);
            }

            return taken;
        }

        /// <summary>Waits for a free slot, then checks and sends <paramref name="rows"/> in the background (up to <see cref="MaxCallsInFlight"/> at once).</summary>
        public async Task StartAsync(IReadOnlyList<MailingDelivery> rows, CancellationToken ct)
        {
            await _slots.WaitAsync(ct);
            var work = Task.Run(
                async () =>
                {
                    try
                    {
                        foreach (var row in await SendAsync(rows, null, ct))
                        {
                            _busy.Enqueue((row, sender._time.GetUtcNow() + HoldRetry));
                        }
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        // Stopping: rows in flight are settled by RecoverAsync at the next start.
                    }
                    catch (Exception ex)
                    {
                        LogCallCrashed(sender._logger, sender.Channel, mailing.Id, ex);
                    }
                    finally
                    {
                        _slots.Release();
                    }
                },
                CancellationToken.None);
            lock (_calls)
            {
                _calls.Add(work);
            }
        }

        public Task WhenAnyDoneAsync()
        {
            lock (_calls)
            {
                return _calls.Count == 0 ? Task.CompletedTask : Task.WhenAny(_calls);
            }
        }

        /// <summary>
        /// Checks and sends <paramref name="rows"/> in one call (<paramref name="batch"/>: a VK batch being resent);
        /// returns the rows of people busy with a turn, to be tried again after it.
        /// </summary>
        public async Task<IReadOnlyList<MailingDelivery>> SendAsync(IReadOnlyList<MailingDelivery> rows, long? batch, CancellationToken ct)
        {
            var s = sender;
            var people = rows.Select(r => (Row: r, Person: s._consents.FindPersonById(r.PersonId))).ToList();
            var gone = people.Where(p => p.Person is not { ErasedAtUtc: null, PlatformUserId.Length: > 0, ChatId.Length: > 0 }).Select(p => p.Row).ToList();
            await SkipAsync(gone, MailingSkipReasons.Erased, batch is not null, ct);
            var reachable = people.Where(p => !gone.Contains(p.Row)).Select(p => (p.Row, Person: p.Person!)).ToList();
            if (reachable.Count == 0)
            {
                return [];
            }

            var held = new List<Held>();
            var busy = new List<MailingDelivery>();
            try
            {
                await s._channel.Pacer.WaitSpareAsync(reachable.Count == 1 && s._client.MaxRecipientsPerCall == 1 ? reachable[0].Person.ChatId : null, ct);
                var skipped = new List<(MailingDelivery Row, string Reason)>();
                foreach (var (row, before) in reachable)
                {
                    if (!s._channel.Loop.TryHoldPerson(before.PlatformUserId))
                    {
                        busy.Add(row);
                        continue;
                    }

                    // Read under the hold: no turn of theirs can commit until it is released.
                    var person = s._consents.FindPersonById(row.PersonId);
                    var consent = s._consents.RecordsOf(row.PersonId).FirstOrDefault(c => c.PurposeId == s._purpose);
                    if (MailingAudience.Excludes(person, consent, mailing.Topic) is { } reason)
                    {
                        s._channel.Loop.ReleasePerson(before.PlatformUserId);
                        skipped.Add((row, reason));
                    }
                    else
                    {
                        held.Add(new Held(row, person!, consent!));
                    }
                }

                foreach (var group in skipped.GroupBy(k => k.Reason))
                {
                    await SkipAsync([.. group.Select(g => g.Row)], group.Key, batch is not null, ct);
                }

                if (held.Count == 0)
                {
                    return busy;
                }

                if (!mayGoOn())
                {
                    return [.. busy, .. held.Select(h => h.Row)]; // they stay pending; SendAsync stops
                }

                var number = batch ?? (s._client.MaxRecipientsPerCall > 1 ? Interlocked.Increment(ref _lastBatch) : 0);
                var now = s.Now();
                foreach (var h in held)
                {
                    (h.Row.State, h.Row.InFlightAtUtc, h.Row.ConsentVersion, h.Row.ConsentTextHash) =
                        (MailingDeliveryState.InFlight, now, h.Consent.TextVersion, h.Consent.TextHash);
                    h.Row.Batch = number > 0 ? number : null;
                }

                await s._store.SaveDeliveriesAsync([.. held.Select(h => h.Row)], ct);
                await CallAsync(new MailingCall(message, mailing.Kind, [.. held.Select(h => h.Person.ChatId)], number > 0 ? RandomId(mailing.Id, number) : 0), held, ct);
                return busy;
            }
            finally
            {
                Release(held);
            }
        }

        public async Task DrainAsync()
        {
            Task[] calls;
            lock (_calls)
            {
                calls = [.. _calls];
            }

            await Task.WhenAll(calls);
        }

        public void Dispose() => _slots.Dispose();

        /// <summary>The platform call with its retries, and the outcomes stored.</summary>
        private async Task CallAsync(MailingCall call, List<Held> held, CancellationToken ct)
        {
            var s = sender;
            var byChat = held.ToDictionary(h => h.Person.ChatId, StringComparer.Ordinal);
            var left = call;
            for (var attempt = 1; ; attempt++)
            {
                var results = await s._client.SendMailingAsync(left, ct);
                var retry = results.Where(r => r.Status == DeliveryStatus.Retry).ToList();
                var done = attempt >= MaxAttempts ? results : results.Where(r => r.Status != DeliveryStatus.Retry).ToList();

                // Their send is over: their turns may run now (a crash before the outcome is stored leaves the row in flight).
                var over = done.Select(r => byChat[r.ChatId]).ToList();
                Release(over);
                held.RemoveAll(over.Contains);
                await RecordAsync(done, byChat, ct);
                if (retry.Count == 0 || attempt >= MaxAttempts)
                {
                    return;
                }

                await Task.Delay(Backoff(attempt - 1, retry.Max(r => r.RetryAfter)), s._time, ct);
                await s._channel.Pacer.WaitSpareAsync(retry.Count == 1 && s._client.MaxRecipientsPerCall == 1 ? retry[0].ChatId : null, ct);
                left = call with { ChatIds = [.. retry.Select(r => r.ChatId)] }; // VK: the same random_id
            }
        }

        private async Task RecordAsync(IReadOnlyList<MailingRecipientResult> results, Dictionary<string, Held> byChat, CancellationToken ct)
        {
            if (results.Count == 0)
            {
                return;
            }

            var s = sender;
            var now = s.Now();
            var rows = new List<MailingDelivery>();
            foreach (var r in results)
            {
                var row = byChat[r.ChatId].Row;
                if (r.Status == DeliveryStatus.Sent)
                {
                    (row.State, row.AtUtc, row.PlatformMessageId, row.Reason) = (MailingDeliveryState.Sent, now, r.MessageId, null);
                }
                else
                {
                    (row.State, row.AtUtc, row.Reason) = (MailingDeliveryState.Failed, now, FailureReason(r));
                }

                rows.Add(row);
            }

            await s._store.SaveDeliveriesAsync(rows, ct);
            Interlocked.Add(ref _finished, rows.Count);
            foreach (var r in results.Where(r => r.Status == DeliveryStatus.Unreachable))
            {
                // As the outbox does: the person's loop records them unreachable (after the hold, in their order).
                await s._channel.ReportUnreachableAsync(r.ChatId, ct);
            }

            foreach (var failed in rows.Where(r => r.State == MailingDeliveryState.Failed).GroupBy(r => r.Reason))
            {
                LogFailed(s._logger, s.Channel, mailing.Id, failed.Count(), failed.Key ?? "");
            }
        }

        /// <param name="resent">Rows of a call cut by a crash: they may have arrived before it, so "unknown", not "skipped".</param>
        private async Task SkipAsync(List<MailingDelivery> rows, string reason, bool resent, CancellationToken ct)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var now = sender.Now();
            var state = resent ? MailingDeliveryState.Unknown : MailingDeliveryState.Skipped;
            foreach (var row in rows)
            {
                (row.State, row.AtUtc, row.Reason) = (state, now, reason);
            }

            await sender._store.SaveDeliveriesAsync(rows, ct);
            Interlocked.Add(ref _finished, rows.Count);
        }

        private void Release(IReadOnlyList<Held> held)
        {
            foreach (var h in held)
            {
                sender._channel.Loop.ReleasePerson(h.Person.PlatformUserId);
            }
        }
    }
}
