using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Core.Unlawful;

/// <summary>
/// Destroys a person's unlawfully processed data with the subject-request machinery (one transaction: consents
/// withdrawn except a contract's, <see cref="PersonErasure"/>, the destruction act, the message to the person), so an
/// operator-found case erases exactly what an approved destruction demand erases. The request it uses is answered at
/// once and names the case.
/// </summary>
public sealed class UnlawfulDestruction(RequestService requests, ConsentCatalog catalog, RetentionOptions retention)
{
    /// <returns>The request that carried it out, and what was destroyed.</returns>
    public async Task<(long RequestId, DestructionPlan Plan)> DestroyAsync(UnlawfulCase @case, Person person, Func<DestructionPlan, string> notice, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(notice);
        var r = requests.Start(person, RequestType.Destruction, nameof(IntakeStep.Complete));
        r.Statement = $"неправомерная обработка, выявленная оператором: случай № {@case.Id} (п. 6.2.8 политики)";
        await requests.SaveDraftAsync(r, ct);

        var today = requests.Today;
        (r.ReceivedAtUtc, r.IntakeStep, r.DueDate, r.OriginalDueDate) = (r.CreatedAtUtc, null, today, today);
        var c = requests.CaseFor(r);
        c.CompleteDetails($"случай неправомерной обработки № {@case.Id}");
        c.ConfirmIdentity(actor);
        var plan = DestructionRules.ForDestruction(c.Consents, catalog, retention);
        foreach (var p in plan.Withdraw)
        {
            c.WithdrawConsent(p.Id, actor, $"неправомерная обработка, случай № {@case.Id}");
        }

        Withdrawals.Destroy(c, plan, $"неправомерная обработка, выявленная оператором, случай № {@case.Id} (п. 6.2.8 политики)", today);
        c.Answer(notice(plan), actor);
        await c.SaveAsync(ct);
        return (r.Id, plan);
    }
}
