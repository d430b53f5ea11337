using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;

namespace PdBot.Core.Alerts;

/// <summary>
/// Watches the audit chain for breaks. A full check reads the whole trail, so it runs at start and then once a night
/// (the first round after <see cref="FullCheckHour"/>:00 Moscow time); the hourly rounds in between check only the
/// entries added since the last intact one, which must link to it. A break raises one alert per position (reruns that
/// find the same break say nothing new); the watch then goes on from the newest entry as it is, so the hours after a
/// break are still watched without reading the whole trail again every hour.
/// </summary>
public sealed class AuditChainWatch(IAuditLog audit, AlertBoard alerts, TimeProvider time) : IDisposable
{
    /// <summary>The Moscow hour after which the night's full check runs.</summary>
    public const int FullCheckHour = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Seq, string Hash)? _verified;
    private DateOnly? _lastFullCheckDate;

    public TimeProvider Time => time;

    /// <summary>The last entry known intact (null before the first full check).</summary>
    public (long Seq, string Hash)? Verified => _verified;

    /// <summary>Runs a full or an incremental check (see the class), raising an alert for a break.</summary>
    public async Task<ChainWatchResult> CheckAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var full = FullCheckDue();
            var start = _verified;
            var result = await Task.Run(() => full || start is null ? audit.Verify() : audit.VerifyAfter(start.Value.Seq, start.Value.Hash), ct);
            if (full || start is null)
            {
                _lastFullCheckDate = ClinicTime.Today(time);
            }

            if (result.IsIntact)
            {
                _verified = EntryAt(result.IntactCount);
                return new ChainWatchResult(full, result, Raised: false);
            }

            // Taken before the alert's own audit entry, so the next round checks that one too.
            _verified = EntryAt(long.MaxValue - 1);
            var raised = await alerts.RaiseAsync(AlertKinds.ChainBroken, Key(result), Text(result, full), ct);
            return new ChainWatchResult(full, result, raised);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The next round reads the whole trail (e.g. after a repair or a restore).</summary>
    public void ForgetPosition()
    {
        _verified = null;
        _lastFullCheckDate = null;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The entry at <paramref name="seq"/> (or the newest before it), walking down the key from there: cheap on any trail.</summary>
    private (long Seq, string Hash) EntryAt(long seq) =>
        audit.Query(new AuditQuery { BeforeSeq = seq + 1 }).FirstOrDefault() is { } e ? (e.Seq, e.Hash) : (0, AuditChain.Genesis);

    private bool FullCheckDue()
    {
        if (_verified is null || _lastFullCheckDate is not { } last)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ClinicTime.Zone);
        return DateOnly.FromDateTime(local.DateTime) > last && local.Hour >= FullCheckHour;
    }

    private static string Key(AuditVerification result) =>
        string.Create(CultureInfo.InvariantCulture, $"chain-broken:{result.FirstBadSeq}:{result.Problem}");

    private static string Text(AuditVerification result, bool full)
    {
        var scope = full ? "полная проверка" : "проверка новых записей";
        return FormattableString.Invariant(
            $"Нарушена цепочка журнала аудита на записи № {result.FirstBadSeq}: {AuditVerification.ProblemText(result.Problem)} ({scope}; записей до неё, прошедших проверку: {result.IntactCount}). Журнал могли изменить в обход бота: проверьте командой «pdbot audit verify» и восстановите хранилище из резервной копии.");
    }
}
