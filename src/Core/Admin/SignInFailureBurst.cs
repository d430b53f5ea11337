using PdBot.Core.Alerts;
using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>
/// Counts failed sign-ins with unknown logins and audits them as one entry per burst, written when no such failure
/// came for <see cref="AdminEvents.FailureBurstQuiet"/> (and at shutdown): a password-guessing client must not be
/// able to grow the permanent audit trail by one entry per request. The entry holds no typed login. A burst of at
/// least <see cref="AlertThreshold"/> failures also raises an alert for the operators.
/// </summary>
public sealed class SignInFailureBurst : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IAuditLog _audit;
    private readonly AlertBoard? _alerts;
    private readonly ITimer _quiet;
    private int _count;
    private DateTime _firstUtc;
    private DateTime _lastUtc;

    /// <summary>Failures in one burst from which operators are alerted: more than a mistyped login or two.</summary>
    public const int AlertThreshold = 10;

    public SignInFailureBurst(IAuditLog audit, TimeProvider time, AlertBoard? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        (_audit, _alerts) = (audit, alerts);
        _quiet = time.CreateTimer(_ => LastFlush = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The flush the quiet timer started last (tests await it).</summary>
    public Task LastFlush { get; private set; } = Task.CompletedTask;

    /// <summary>Failures counted and not yet audited.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Record(DateTime nowUtc)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                _firstUtc = nowUtc;
            }

            _count++;
            _lastUtc = nowUtc;
            _quiet.Change(AdminEvents.FailureBurstQuiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Audits the failures counted so far as one entry, if there are any.</summary>
    public async Task FlushAsync()
    {
        int count;
        DateTime first, last;
        lock (_gate)
        {
            if (_count == 0)
            {
                return;
            }

            (count, first, last) = (_count, _firstUtc, _lastUtc);
            _count = 0;
            _quiet.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        await _audit.AppendAsync(
        [
            new AuditEntry
            {
                TimeUtc = last,
                Kind = AdminEvents.Kind,
                Event = AdminEvents.SignInFailedBurst,
                Channel = AdminEvents.Channel,
                Actor = AdminEvents.UnknownActor,
                Detail = FormattableString.Invariant($"{count} failed sign-ins with unknown logins between {first:HH:mm:ss} and {last:HH:mm:ss} UTC"),
            },
        ]);
        if (_alerts is not null && count >= AlertThreshold)
        {
            await _alerts.RaiseAsync(
                AlertKinds.SignInBurst,
                FormattableString.Invariant($"signin-burst:{first:O}"),
                FormattableString.Invariant($"Неудачных попыток входа в консоль с несуществующими логинами: {count} (с {AlertTime.Moscow(first)} по {AlertTime.Moscow(last)}) — похоже на подбор. Подробности — в разделе «Аудит»."));
        }
    }

    public void Dispose() => _quiet.Dispose();
}
