using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using PdBot.Adapters.LiteDb;

namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>
/// Moves a clinic from a stopped LiteDB store into an empty PostgreSQL database (<c>pdbot db copy --to postgres</c>):
/// every <see cref="IPgCopyTarget"/> copies its collections inside one transaction, so a failed copy leaves the target
/// as empty as it was; then the documents of every collection are counted against the rows of its table, and the
/// audit chain is verified on both sides and their heads compared.
/// </summary>
public sealed partial class PgCopy
{
    /// <summary>The audit trail is always checked for emptiness: the chain copied must be the whole chain.</summary>
    private const string AuditTable = "audit";

    private readonly LiteDatabase _source;
    private readonly PgStorage _target;
    private readonly IReadOnlyList<IPgCopyTarget> _targets;

    public PgCopy(LiteDatabase source, PgStorage target, IEnumerable<IPgCopyTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(targets);
        _source = source;
        _target = target;
        _targets = [.. targets];

        // Table names are put into the count's SQL as identifiers: only the stores' own plain names are accepted.
        var odd = Tables.FirstOrDefault(t => !PlainName().IsMatch(t));
        if (odd is not null)
        {
            throw new InvalidOperationException($"Copy target names table '{odd}', which is not a plain lower-case identifier.");
        }
    }

    /// <summary>The tables the copy fills (and the audit trail): they must be empty before it starts.</summary>
    public IReadOnlyList<string> Tables =>
        [.. _targets.SelectMany(t => t.Tables.Values).OfType<string>().Append(AuditTable).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// LiteDB collections holding documents that no target copies: the copy refuses to start rather than leave them
    /// behind. An empty collection (created with its indexes) loses nothing and is not named.
    /// </summary>
    public IReadOnlyList<string> Uncovered()
    {
        var covered = _targets.SelectMany(t => t.Tables.Keys).ToHashSet(StringComparer.Ordinal);
        return [.. _source.GetCollectionNames().Where(n => !covered.Contains(n) && _source.GetCollection(n).LongCount() > 0).Order(StringComparer.Ordinal)];
    }

    /// <summary>The tables (of <see cref="Tables"/>) that already hold rows, with the audit head when it has moved.</summary>
    public IReadOnlyList<string> NonEmptyTables()
    {
        var missing = Tables.Where(t => _target.Query("SELECT to_regclass($1) IS NULL", r => r.GetBoolean(0), t)[0]).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"В базе PostgreSQL нет таблиц {string.Join(", ", missing)}: примените миграции (pdbot db migrate).");
        }

        var full = Tables.Where(t => _target.Query(Exists(t), r => r.GetBoolean(0))[0]).ToList();
        if (_target.Query("SELECT seq > 0 FROM audit_head WHERE id = 1", r => r.GetBoolean(0)) is [true])
        {
            full.Add("audit_head");
        }

        return full;
    }

    /// <summary>Runs every target's copy in one transaction, on one thread (<see cref="OneThreadContext"/>): all of it commits, or none.</summary>
    public Task CopyAsync(CancellationToken cancellationToken = default) =>
        OneThreadContext.RunAsync(() => _target.CommitNowAsync(
            async tx =>
            {
                foreach (var target in _targets)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await target.CopyAsync(_source, tx);
                }
            },
            cancellationToken));

    /// <summary>Counts both sides and verifies both chains (after the copy has committed).</summary>
    public PgCopyReport Verify()
    {
        var counts = new List<PgCopyCount>();
        var byTable = _targets.SelectMany(t => t.Tables).GroupBy(p => p.Value, StringComparer.Ordinal);
        foreach (var group in byTable.OrderBy(g => g.Key ?? "\uffff", StringComparer.Ordinal))
        {
            var collections = group.Select(p => p.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var lite = collections.Sum(c => _source.GetCollection(c).LongCount());
            long? rows = group.Key is null ? null : _target.Query(Count(group.Key), r => r.GetInt64(0))[0];
            counts.Add(new PgCopyCount(collections, group.Key, lite, rows));
        }

        var liteHead = _source.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key);
        var pgAudit = new PgAuditLog(_target);
        return new PgCopyReport(
            counts,
            new LiteAuditLog(_source).Verify(),
            pgAudit.Verify(),
            liteHead is null || liteHead.Seq == 0 ? null : (liteHead.Seq, liteHead.Hash),
            pgAudit.Head());
    }

    private static string Exists(string table) => string.Create(CultureInfo.InvariantCulture, $"SELECT EXISTS (SELECT 1 FROM \"{table}\")");

    private static string Count(string table) => string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM \"{table}\"");

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainName();
}
