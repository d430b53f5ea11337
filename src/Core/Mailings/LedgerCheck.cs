using System.Globalization;
using PdBot.Core.Audit;

namespace PdBot.Core.Mailings;

/// <summary>
/// Part of <c>audit verify</c>: when a mailing finished, its audit entry recorded the SHA-256 and the row count of
/// its delivery ledger (<see cref="MailingEvents.LedgerDetail"/>). The hash chain protects that entry; this check
/// computes the ledger's hash again, so a ledger row edited, added or removed afterwards is found and the
/// mailing named.
/// </summary>
public static class LedgerCheck
{
    /// <param name="entries">Audit entries, in any order; only the mailings' ledger entries are read.</param>
    public static LedgerVerification Run(IEnumerable<AuditEntry> entries, IMailingStore store)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(store);
        var problems = new List<(long MailingId, string Text)>();
        var checkedCount = 0;
        foreach (var e in entries)
        {
            if (e.Kind != MailingEvents.Kind || MailingEvents.ParseLedgerDetail(e.Detail) is not { } recorded)
            {
                continue;
            }

            checkedCount++;
            if (Problem(e.Seq, recorded, store.Deliveries(recorded.MailingId)) is { } problem)
            {
                problems.Add((recorded.MailingId, problem));
            }
        }

        return new LedgerVerification(checkedCount, [.. problems.OrderBy(p => p.MailingId).Select(p => p.Text)]);
    }

    private static string? Problem(long seq, (long MailingId, string Hash, int Rows) recorded, IReadOnlyList<MailingDelivery> rows)
    {
        var ic = CultureInfo.InvariantCulture;
        if (rows.Count != recorded.Rows)
        {
            return string.Create(ic, $"Журнал доставки рассылки № {recorded.MailingId} изменён: строк в нём {rows.Count}, а при завершении (запись аудита № {seq}) было {recorded.Rows} — строки добавлены или удалены.");
        }

        return MailingLedger.Hash(rows) == recorded.Hash ? null
            : string.Create(ic, $"Журнал доставки рассылки № {recorded.MailingId} изменён: его SHA-256 не совпадает с записанным при завершении (запись аудита № {seq}) — строки журнала исправлены.");
    }
}
