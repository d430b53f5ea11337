using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The writes of one conversation turn, held back so they commit in one transaction with the turn's replies and
/// its "processed" mark: a crash either keeps all of them or none, so a committed turn never runs twice.
/// While a scope is open (<see cref="GroupCommitWriter.BeginDeferred"/>), <see cref="GroupCommitWriter.WriteAsync"/>
/// in that async flow collects the work here instead of queueing it. So that the turn still reads what it wrote
/// (a consent withdrawn, then the withdrawal's retention case loading the person's consents), the stores
/// <see cref="Remember"/> each object they were asked to save and lay those over what they read from the file.
/// </summary>
public sealed class DeferredWrites : IDisposable
{
    private static readonly AsyncLocal<DeferredWrites?> CurrentScope = new();
    private readonly List<Action<LiteDatabase>> _work = [];
    private readonly Dictionary<(string Collection, string Id), object> _written = [];
    private readonly DeferredWrites? _outer;

    internal DeferredWrites()
    {
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    internal static DeferredWrites? Current => CurrentScope.Value;

    internal void Add(Action<LiteDatabase> work) => _work.Add(work);

    /// <summary>The saved object, so reads later in the turn see it (the object itself: it is what will be committed).</summary>
    internal void Remember(string collection, string id, object entity) => _written[(collection, id)] = entity;

    /// <summary>Objects of <paramref name="collection"/> saved so far in this turn.</summary>
    internal IEnumerable<T> Written<T>(string collection) =>
        _written.Where(w => w.Key.Collection == collection).Select(w => (T)w.Value);

    /// <summary><paramref name="read"/> (from the file) with this turn's saved versions laid over it, by id.</summary>
    internal static List<T> Overlay<T>(string collection, IEnumerable<T> read, Func<T, string> id, Func<T, bool> belongs)
    {
        var list = read.ToList();
        if (Current is not { } turn)
        {
            return list;
        }

        var mine = turn.Written<T>(collection).Where(belongs).ToDictionary(id, StringComparer.Ordinal);
        var merged = list.Select(x => mine.Remove(id(x), out var saved) ? saved : x).ToList();
        merged.AddRange(mine.Values);
        return merged;
    }

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
