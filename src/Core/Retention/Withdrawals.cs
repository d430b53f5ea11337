using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Core.Retention;

/// <summary>Carries a <see cref="DestructionPlan"/> out on a <see cref="RequestCase"/>: the same steps for the job and the operator.</summary>
public static class Withdrawals
{
    /// <summary>A withdrawal due (or approved): superseded, answered «no consent», kept blocked, or destroyed.</summary>
    public static RetentionDecisionKind CarryOut(RequestCase c, ConsentCatalog catalog, DateOnly today, string actor)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(catalog);
        var r = c.Request;
        var plan = DestructionRules.ForWithdrawal(r, c.Consents, catalog);
        var title = Title(r, catalog);
        switch (plan.Kind)
        {
            case RetentionDecisionKind.Supersede:
                c.Supersede("согласие дано снова", RetentionTexts.Superseded(r, title));
                break;
            case RetentionDecisionKind.NoConsent:
                c.Note(RequestAction.NoConsent, Actors.System, RetentionTexts.NoReviewConsent);
                c.Answer(RetentionTexts.NoConsent(r), actor);
                break;
            case RetentionDecisionKind.Block:
                // Another basis remains: the data stay, blocked for the withdrawn purpose, and the reason is recorded.
                c.Note(RequestAction.BlockedOtherBasis, Actors.System, plan.KeptBases);
                c.Audit(RequestAction.Blocked, Actors.System, $"другое основание: {plan.KeptBases}", kind: RequestAction.RetentionKind);
                c.Answer(RetentionTexts.KeptForOtherBasis(title, plan), actor);
                break;
            default:
                c.Answer(RetentionTexts.DestroyedAfterWithdrawal(title, today), actor);
                Destroy(c, plan, $"отзыв согласия «{title}»", today);
                break;
        }

        return plan.Kind;
    }

    /// <summary>
    /// Erases per the plan, writes the destruction act (RKN Order No. 179: the subject by pseudonymous id only,
    /// categories, system, method, reason, date) and closes the person's other open requests when nobody is left to answer.
    /// </summary>
    public static void Destroy(RequestCase c, DestructionPlan plan, string reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(plan);
        var r = c.Request;
        c.Note(RequestAction.Destroyed, Actors.System, plan.ErasesIdentifiers ? null : $"сохранено: «{plan.KeptBases}»");
        c.Audit(new AuditEntry
        {
            TimeUtc = c.Now,
            Kind = RequestAction.RetentionKind,
            Event = RequestAction.Destroyed,
            Channel = c.Person?.Channel ?? "",
            PersonId = r.PersonId,
            PurposeId = r.PurposeId,
            Actor = Actors.System,
            Detail = $"акт об уничтожении по запросу № {r.Id}: субъект {r.PersonId}; категории: {string.Join("; ", plan.Destroyed)}; " +
                $"информационная система: PdBot; способ: стирание из базы данных; причина: {reason}; дата: {RequestTexts.Date(today)}",
        });
        c.Erase(plan.ErasesIdentifiers);
        if (plan.ErasesIdentifiers)
        {
            foreach (var other in c.OtherOpenRequests())
            {
                c.CloseOther(other, RetentionTexts.ClosedAfterDestruction(r.Id));
            }
        }
    }

    public static string Title(SubjectRequest r, ConsentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(catalog);
        return r.PurposeId is { } id ? catalog.Find(id)?.Title ?? id : RequestTexts.Title(r.Type);
    }
}
