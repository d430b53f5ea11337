using System.Globalization;
using PdBot.Adapters.PostgreSql.Copy;
using PdBot.Core.Audit;

namespace PdBot.Bot.Cli;

/// <summary>The copy's check as <c>pdbot db copy</c> prints it: a table of counts, both chains, the verdict.</summary>
public static class PgCopyText
{
    private const string NotCounted = "—";

    public static IReadOnlyList<string> Lines(PgCopyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Counts.Select(c => (
            Name: string.Join(", ", c.Collections) + " → " + (c.Table ?? NotCounted),
            Lite: Number(c.LiteDocuments),
            Pg: c.PgRows is { } rows ? Number(rows) : NotCounted,
            Mark: c.Table is null ? "(не считается построчно)" : c.Matches ? "✓" : "✗")).ToList();
        var header = (Name: "Коллекция → таблица", Lite: "LiteDB", Pg: "PostgreSQL");
        var name = rows.Select(r => r.Name.Length).Append(header.Name.Length).Max();
        var lite = rows.Select(r => r.Lite.Length).Append(header.Lite.Length).Max();
        var pg = rows.Select(r => r.Pg.Length).Append(header.Pg.Length).Max();
        var lines = new List<string> { $"{header.Name.PadRight(name)}  {header.Lite.PadLeft(lite)}  {header.Pg.PadLeft(pg)}" };
        lines.AddRange(rows.Select(r => $"{r.Name.PadRight(name)}  {r.Lite.PadLeft(lite)}  {r.Pg.PadLeft(pg)}  {r.Mark}"));
        lines.Add($"Цепочка аудита в LiteDB: {Chain(report.LiteChain)}; в PostgreSQL: {Chain(report.PgChain)}.");
        lines.Add(report.HeadsEqual
            ? $"Вершины цепочек совпадают: {Head(report.LiteHead)} ✓"
            : $"Вершины цепочек различаются: LiteDB — {Head(report.LiteHead)}; PostgreSQL — {Head(report.PgHead)} ✗");
        var mismatched = report.Counts.Where(c => !c.Matches).SelectMany(c => c.Collections).ToList();
        lines.Add(report.IsIntact
            ? "Итог: копия совпадает с базой LiteDB, цепочка аудита цела."
            : "Итог: копия НЕ совпадает с базой LiteDB"
              + (mismatched.Count > 0 ? $" (расходятся: {string.Join(", ", mismatched)})" : "")
              + (report.LiteChain.IsIntact && report.PgChain.IsIntact && report.HeadsEqual ? "" : " (цепочка аудита не сходится)")
              + ". Не переключайте хосты на PostgreSQL, пока причина не найдена.");
        return lines;
    }

    private static string Chain(AuditVerification chain) => chain.IsIntact
        ? $"цела, записей — {Number(chain.IntactCount)}"
        : $"нарушена на записи № {Number(chain.FirstBadSeq ?? 0)}: {AuditVerification.ProblemText(chain.Problem)} (записей до неё — {Number(chain.IntactCount)})";

    private static string Head((long Seq, string Hash)? head) => head is { } h
        ? $"запись № {Number(h.Seq)}, хеш {h.Hash[..Math.Min(12, h.Hash.Length)]}…"
        : "записей нет";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
