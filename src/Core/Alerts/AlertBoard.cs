using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Operator;
using PdBot.Core.Requests;

namespace PdBot.Core.Alerts;

/// <summary>
/// The operators' alert board: an alert is raised once per key (so checks may run again and again), stored for the
/// console's home page, sent to the admin chat and audited in one transaction; an operator accepts it with «Принято».
/// </summary>
public sealed class AlertBoard(IAlertStore store, RequestOptions adminChat, TimeProvider time) : IDisposable
{
    // One raise at a time: the key check and the write must not interleave.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>False when an alert with <paramref name="key"/> was already raised (open or accepted): nothing happens.</summary>
    public async Task<bool> RaiseAsync(string kind, string key, string text, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await _gate.WaitAsync(ct);
        try
        {
            if (store.FindByKey(key) is not null)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var alert = new SystemAlert { Kind = kind, Key = key, Text = text, RaisedAtUtc = now };
            var message = OperatorAlert.Build(adminChat, text, now);
            await store.AddAsync(alert, message is null ? [] : [message], [Entry(AlertEvents.Raised, Actors.System, $"{AlertKinds.Title(kind)}: {text}", now)], ct);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Open alerts, newest first.</summary>
    public IReadOnlyList<SystemAlert> Open() => store.Open();

    /// <summary>«Принято»: false when there is no such open alert.</summary>
    public async Task<bool> AcknowledgeAsync(long id, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _gate.WaitAsync(ct);
        try
        {
            if (store.Find(id) is not { IsOpen: true } alert)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            (alert.AcknowledgedAtUtc, alert.AcknowledgedBy) = (now, actor);
            var detail = string.Create(CultureInfo.InvariantCulture, $"оповещение № {alert.Id} принято: {AlertKinds.Title(alert.Kind)}");
            await store.SaveAsync(alert, [Entry(AlertEvents.Acknowledged, actor, detail, now)], ct);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static AuditEntry Entry(string evt, string actor, string detail, DateTime now) =>
        new() { TimeUtc = now, Kind = AlertEvents.Kind, Event = evt, Actor = actor, Detail = detail };
}
