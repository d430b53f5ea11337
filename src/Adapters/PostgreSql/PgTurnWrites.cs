namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// The writes of one conversation turn, held back so they commit in one transaction with the turn's replies and its
/// "processed" mark (the PostgreSQL twin of the LiteDB store's deferred writes). So that the turn still reads what it
/// wrote, the stores <see cref="Remember"/> each object they were asked to save and lay those over what they read.
/// </summary>
public sealed class PgTurnWrites : IDisposable
{
    private static readonly AsyncLocal<PgTurnWrites?> CurrentScope = new();
    private readonly List<Func<PgTx, Task>> _work = [];
    private readonly Dictionary<(string Table, string Id), object> _written = [];
    private readonly PgTurnWrites? _outer;

    private PgTurnWrites()
    {
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    public static PgTurnWrites? Current => CurrentScope.Value;

    /// <summary>Starts collecting this async flow's writes (a conversation turn); dispose to stop.</summary>
    public static PgTurnWrites Begin() => new();

    internal void Add(Func<PgTx, Task> work) => _work.Add(work);

    /// <summary>The saved object, so reads later in the turn see it.</summary>
    public void Remember(string table, string id, object entity) => _written[(table, id)] = entity;

    /// <summary>Objects of <paramref name="table"/> saved so far in this turn.</summary>
    public IEnumerable<T> Written<T>(string table) =>
        _written.Where(w => w.Key.Table == table).Select(w => (T)w.Value);

    /// <summary><paramref name="read"/> (from the database) with this turn's saved versions laid over it, by id.</summary>
    public static List<T> Overlay<T>(string table, IEnumerable<T> read, Func<T, string> id, Func<T, bool> belongs)
    {
        ArgumentNullException.ThrowIfNull(id);
        var list = read.ToList();
        if (Current is not { } turn)
        {
            return list;
        }

        var mine = turn.Written<T>(table).Where(belongs).ToDictionary(id, StringComparer.Ordinal);
        var merged = list.Select(x => mine.Remove(id(x), out var saved) ? saved : x).ToList();
        merged.AddRange(mine.Values);
        return merged;
    }

    /// <summary>Runs the collected work, in order, inside the caller's transaction.</summary>
    public async Task ApplyAsync(PgTx tx)
    {
        foreach (var work in _work)
        {
            await work(tx);
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
