using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Retention;

/// <summary>
/// After a consent is withdrawn: schedules destruction of the data kept only for it within the term, and on the
/// due day decides from the present (see <see cref="DestructionRules"/>): a consent given again closes the
/// withdrawal and nothing is destroyed; another basis keeps the data blocked; otherwise they are destroyed.
/// The person is told what was done.
/// </summary>
public sealed class RetentionService(
    IRequestStore requests, IConsentStore people, ConsentCatalog catalog, RequestService service, TimeProvider time,
    IEnumerable<IDistributionWithdrawal>? distribution = null)
{
    public const string SystemActor = Actors.System;

    private static readonly RequestType[] WithdrawalTypes = [RequestType.WithdrawConsent, RequestType.WithdrawDistribution];

    /// <summary>Opens a withdrawal request (due per the deadline table) unless one is already open for this purpose.</summary>
    public async Task<SubjectRequest?> ScheduleAsync(Person person, string purposeId, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (OpenWithdrawals(person.Id, purposeId).Any())
        {
            return null;
        }

        var r = service.Start(person, RequestType.WithdrawConsent, IntakeStep.Complete.ToString());
        (r.PurposeId, r.Statement) = (purposeId, reason);
        await service.SaveDraftAsync(r, ct);
        return await AcceptAsync(person, r, ct);
    }

    /// <summary>
    /// Receives a completed withdrawal request and starts its clock; the account that gave the consent needs no
    /// further check. A take-down of reviews by someone who never gave that consent is answered at once
    /// («согласия на публикацию отзывов нет»): nothing is destroyed.
    /// </summary>
    public async Task<SubjectRequest> AcceptAsync(Person person, SubjectRequest draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await service.ReceiveAsync(person, draft, ct);
        await service.ConfirmIdentityAsync(draft.Id, SystemActor, ct);
        var accepted = requests.Find(draft.Id)!;
        if (accepted.Type == RequestType.WithdrawDistribution
            && DestructionRules.ForWithdrawal(accepted, people.RecordsOf(accepted.PersonId), catalog).Kind == RetentionDecisionKind.NoConsent)
        {
            await CarryOutAsync(accepted, ct);
            accepted = requests.Find(draft.Id)!;
        }
        else if (accepted.Type == RequestType.WithdrawDistribution && !(distribution ?? []).Any())
        {
            // The publication stops the moment the demand arrives (Art. 10.1 parts 12–13, policy 5.3.3). With the review
            // registry the alerts name each review instead (below), so operators are not told twice.
            var alert = service.CaseFor(accepted);
            alert.ToOperators($"Снимите опубликованный отзыв (запрос № {accepted.Id}): согласие на распространение отозвано — публикация прекращается немедленно (ст. 10.1 152-ФЗ).");
            await alert.SaveAsync(ct);
        }

        // Whatever path withdrew a distribution consent (menu, request), its publications stop in the same turn.
        if (accepted.State != RequestState.Answered && DestructionRules.WithdrawnPurposes(accepted, catalog).Any(p => catalog.Find(p)?.Distribution == true))
        {
            foreach (var d in distribution ?? [])
            {
                await d.OnWithdrawnAsync(person, ct);
            }
        }

        return accepted;
    }

    /// <summary>
    /// A consent was given (again): its open withdrawals close as superseded and the person is told nothing was
    /// destroyed. Call after the consent is saved.
    /// </summary>
    public async Task<int> SupersedeAsync(Person person, string purposeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var closed = 0;
        foreach (var r in OpenWithdrawals(person.Id, purposeId).ToList())
        {
            var c = service.CaseFor(r);
            if (DestructionRules.ForWithdrawal(r, c.Consents, catalog).Kind == RetentionDecisionKind.Supersede
                && c.Supersede("согласие дано снова", RetentionTexts.Superseded(r, Withdrawals.Title(r, catalog))))
            {
                await c.SaveAsync(ct);
                closed++;
            }
        }

        return closed;
    }

    /// <summary>Carries out every withdrawal whose due day has come (run daily; safe to run again).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var due = Due(Today).ToList();
        foreach (var r in due)
        {
            await CarryOutAsync(r, ct);
        }

        return due.Count;
    }

    /// <summary>
    /// What the job will destroy or block up to <paramref name="until"/> (inclusive, clinic date) if nothing changes
    /// before: read-only. Withdrawals a new consent supersedes are not listed (nothing happens to the data).
    /// </summary>
    public IReadOnlyList<RetentionPreviewItem> Preview(DateOnly until) =>
        [.. Due(until)
            .Select(r => (Request: r, Plan: DestructionRules.ForWithdrawal(r, people.RecordsOf(r.PersonId), catalog)))
            .Where(x => x.Plan.Kind is RetentionDecisionKind.Destroy or RetentionDecisionKind.Block)
            .Select(x => new RetentionPreviewItem(x.Request.Id, x.Request.PersonId, Withdrawals.Title(x.Request, catalog),
                x.Request.Statement ?? "", x.Request.DueDate!.Value, x.Plan))
            .OrderBy(i => i.Due).ThenBy(i => i.RequestId)];

    public DateOnly Today => ClinicTime.LocalDate(time.GetUtcNow());

    private IEnumerable<SubjectRequest> Due(DateOnly until) => requests.Open()
        .Where(r => WithdrawalTypes.Contains(r.Type) && r.State is RequestState.InProgress or RequestState.Extended && r.DueDate <= until);

    private IEnumerable<SubjectRequest> OpenWithdrawals(string personId, string purposeId) =>
        requests.OfPerson(personId).Where(r => r.IsOpen && WithdrawalTypes.Contains(r.Type) && r.ReceivedAtUtc is not null
            && DestructionRules.WithdrawnPurposes(r, catalog).Contains(purposeId));

    private async Task CarryOutAsync(SubjectRequest r, CancellationToken ct)
    {
        var c = service.CaseFor(r);
        Withdrawals.CarryOut(c, catalog, Today, SystemActor);
        await c.SaveAsync(ct);
    }
}
