using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Operator;
using PdBot.Core.Retention;

namespace PdBot.Core.Requests;

/// <summary>
/// What approving a request does to the data, per type, on a <see cref="RequestCase"/> (committed with the answer in
/// one transaction), and the answer that says so. Run on a copy that is never saved, it gives the preview.
/// </summary>
internal sealed class Approval(RequestCase c, ConsentCatalog catalog, RetentionOptions retention, OperatorOptions op, DateOnly today, string actor, IReadOnlyList<IAccessReportSection> sections)
{
    private SubjectRequest R => c.Request;

    private string Done => $"Запрос № {R.Id} «{RequestTexts.Title(R.Type)}» выполнен {RequestTexts.Date(today)}";

    /// <returns>The answer to send, or an error for the operator (nothing is changed then).</returns>
    public (string? Answer, string? Error) Perform(IReadOnlyDictionary<string, string> corrections) => R.Type switch
    {
        RequestType.Access => (Access(), null),
        RequestType.Correction => Correct(corrections),
        RequestType.Blocking => (Block(), null),
        RequestType.Destruction => (Destroy(), null),
        RequestType.StopProcessing => (StopProcessing(), null),
        _ => (Withdraw(), null),
    };

    /// <summary>The answer approval would send, computed on a copy.</summary>
    public string Preview()
    {
        var (answer, error) = Perform(new Dictionary<string, string>());
        return error is null ? answer ?? R.AnswerText ?? "" : $"{Done}: исправлены данные, которые оператор укажет при одобрении.";
    }

    private string Access() => c.Person is { } person
        ? string.Join("\n\n", sections.Select(s => s.Describe(person.Id)).OfType<string>().Prepend(AccessReport.Build(R, person, c.Consents, c.PersonRequests(), catalog, op)))
        : $"{Done}.";

    private (string? Answer, string? Error) Correct(IReadOnlyDictionary<string, string> corrections)
    {
        if (corrections.Count == 0)
        {
            return (null, $"Укажите исправленные значения (поля: {string.Join(", ", CorrectionFields.All.Select(RussianLabels.CorrectionField))}).");
        }

        if (corrections.Select(kv => CorrectionFields.Check(kv.Key, kv.Value)).FirstOrDefault(e => e is not null) is { } error)
        {
            return (null, error);
        }

        var holders = c.PersonRequests().Where(o => o.Id != R.Id).Prepend(R).ToList();
        foreach (var (field, value) in corrections)
        {
            var before = CorrectionFields.Get(R, field) ?? holders.Select(h => CorrectionFields.Get(h, field)).FirstOrDefault(v => v is not null);
            foreach (var h in holders.Where(h => h == R || CorrectionFields.Get(h, field) is not null))
            {
                CorrectionFields.Set(h, field, value);
                c.Also(h);
            }

            // The values themselves stay out of the audit trail: only their SHA-256.
            c.Audit(RequestAction.AuditEvent(RequestAction.Corrected), actor,
                $"{RussianLabels.CorrectionField(field)}: sha256 {CorrectionFields.Hash(before)} -> sha256 {CorrectionFields.Hash(CorrectionFields.Get(R, field))}");
        }

        var titles = string.Join(", ", corrections.Keys.Select(RussianLabels.CorrectionField));
        c.Note(RequestAction.Corrected, actor, titles);
        return ($"{Done}: исправлены {titles}.", null);
    }

    private string Block()
    {
        if (c.Person is { Blocked: false } p)
        {
            (p.Blocked, p.BlockedByRequestId) = (true, R.Id);
            c.PersonChanged();
        }

        return $"{Done}: ваши данные заблокированы. Рассылка и обработка для всех целей приостановлены до снятия блокировки; ответы на ваши запросы продолжат приходить.";
    }

    private string Destroy()
    {
        var plan = DestructionRules.ForDestruction(c.Consents, catalog, retention);
        foreach (var p in plan.Withdraw)
        {
            c.WithdrawConsent(p.Id, actor, "одобрен запрос об уничтожении");
        }

        Withdrawals.Destroy(c, plan, "требование субъекта об уничтожении (п. 6.2.3 политики)", today);
        return RetentionTexts.Destruction(R, plan, today);
    }

    private string StopProcessing()
    {
        var named = R.PurposeId is { } id ? [id] : c.ConsentsInForce().Select(x => x.PurposeId).ToList();
        var stopped = named.Where(p => c.WithdrawConsent(p, actor, "одобрен запрос о прекращении обработки"))
            .Select(p => catalog.Find(p)?.Title ?? p).ToList();
        var marketing = R.History.Any(h => h.Action == RequestAction.MarketingStopped);
        if (stopped.Count == 0)
        {
            return $"{Done}: обработка по согласиям не ведётся{(marketing ? ", рассылка прекращена при получении запроса" : "")}.";
        }

        c.Note(RequestAction.ProcessingStopped, actor, string.Join(", ", stopped));
        return $"{Done}: обработка прекращена для целей «{string.Join("», «", stopped)}», согласия отозваны.";
    }

    private string? Withdraw()
    {
        Withdrawals.CarryOut(c, catalog, today, actor);
        return R.AnswerText ?? $"{Done}: {R.CloseReason}.";
    }
}
