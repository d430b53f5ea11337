using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The writes of one conversation turn, held back so they commit in one transaction with the turn's replies and
/// its "processed" mark: a crash either keeps all of them or none, so a committed turn never runs twice.
/// While a scope is open (<see cref="GroupCommitWriter.BeginDeferred"/>), <see cref="GroupCommitWriter.WriteAsync"/>
/// in that async flow collects the work here instead of queueing it. The stores keep a turn's state in memory
/// (sessions, cases), so the turn does not need to read back what it wrote.
/// </summary>
public sealed class DeferredWrites : IDisposable
{
    private static readonly AsyncLocal<DeferredWrites?> CurrentScope = new();
    private readonly List<Action<LiteDatabase>> _work = [];
    private readonly DeferredWrites? _outer;

    internal DeferredWrites()
    {
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    internal static DeferredWrites? Current => CurrentScope.Value;

    public int Count => _work.Count;

    internal void Add(Action<LiteDatabase> work) => _work.Add(work);

    /// <summary>Runs the collected work, in order, inside the caller's transaction (on the writer thread).</summary>
    public void ApplyOnWriterThread(LiteDatabase db)
    {
        foreach (var work in _work)
        {
            work(db);
        }
    }

    /// <summary>Stops collecting; what was collected and not committed is dropped (a failed turn).</summary>
    public void Dispose()
    {
        if (CurrentScope.Value == this)
        {
            CurrentScope.Value = _outer;
        }
    }
}
