using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Retention;

/// <summary>
/// After a consent is withdrawn: schedules destruction of the data kept only for it within the term,
/// and on the due day destroys them — or, when another legal basis remains, keeps them blocked and
/// records why. The person is told what was done.
/// </summary>
public sealed class RetentionService(IRequestStore requests, IConsentStore people, ConsentCatalog catalog, RequestService service, TimeProvider time)
{
    public const string SystemActor = "system";

    /// <summary>Opens a withdrawal request (due per the deadline table) unless one is already open for this purpose.</summary>
    public async Task<SubjectRequest?> ScheduleAsync(Person person, string purposeId, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (requests.OfPerson(person.Id).Any(r => r.IsOpen && r.Type == RequestType.WithdrawConsent && r.PurposeId == purposeId && r.ReceivedAtUtc is not null))
        {
            return null;
        }

        var r = service.Start(person, RequestType.WithdrawConsent, IntakeStep.Complete.ToString());
        (r.PurposeId, r.Statement) = (purposeId, reason);
        await service.SaveDraftAsync(r, ct);
        return await AcceptAsync(person, r, ct);
    }

    /// <summary>Receives a completed withdrawal request and starts its clock; the account that gave the consent needs no further check.</summary>
    public async Task<SubjectRequest> AcceptAsync(Person person, SubjectRequest draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await service.ReceiveAsync(person, draft, ct);
        await service.ConfirmIdentityAsync(draft.Id, SystemActor, ct);
        return requests.Find(draft.Id)!;
    }

    /// <summary>Carries out every withdrawal whose due day has come (run daily; safe to run again).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var today = ClinicTime.LocalDate(time.GetUtcNow());
        var due = requests.Open()
            .Where(r => r.Type is RequestType.WithdrawConsent or RequestType.WithdrawDistribution
                && r.State is RequestState.InProgress or RequestState.Extended && r.DueDate <= today)
            .ToList();
        foreach (var r in due)
        {
            await CarryOutAsync(r, today, ct);
        }

        return due.Count;
    }

    private async Task CarryOutAsync(SubjectRequest r, DateOnly today, CancellationToken ct)
    {
        var person = people.FindPersonById(r.PersonId);
        var purpose = r.PurposeId is null ? null : catalog.Find(r.PurposeId);
        var title = purpose?.Title ?? r.PurposeId ?? "";
        var otherBases = person is null ? [] : people.RecordsOf(person.Id)
            .Where(c => c.State == ConsentState.Given && c.PurposeId != r.PurposeId)
            .Select(c => catalog.Find(c.PurposeId)?.Title ?? c.PurposeId).ToList();
        var machine = service.MachineFor(r);
        machine.Fire(RequestTrigger.Answer);
        var now = time.GetUtcNow().UtcDateTime;
        if (person is null || otherBases.Count > 0)
        {
            // Another basis remains: the data stay, blocked for the withdrawn purpose, and the reason is recorded.
            r.AnswerText = $"Согласие «{title}» отозвано, обработка для этой цели прекращена. Данные, нужные для других целей, сохранены: действует основание «{string.Join("», «", otherBases)}».";
            r.History.Add(new(now, "blocked-other-basis", SystemActor, string.Join(", ", otherBases)));
            await requests.SaveAsync(r, person is null ? [] : [Entry(person, r, "blocked", $"other basis: {string.Join(", ", otherBases)}")], Notice(person, r), ct);
            return;
        }

        r.AnswerText = $"Согласие «{title}» отозвано. Ваши персональные данные, обрабатывавшиеся для этой цели, уничтожены {today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.";
        r.History.Add(new(now, "destroyed", SystemActor));
        var categories = string.Join(", ", purpose?.DataCategories ?? []);

        // RKN Order No. 179: categories, system, reason and date of destruction; the subject by pseudonymous id only.
        var entry = Entry(person, r, "destroyed", $"categories: {categories}; system: PdBot; reason: consent withdrawn ({r.Statement}); date: {today:yyyy-MM-dd}");
        entry.UserId = null;
        await requests.DestroyPersonAsync(person.Id, r, [entry], Notice(person, r), ct);
    }

    private List<OutboxMessage> Notice(Person? person, SubjectRequest r) =>
        person is null || string.IsNullOrEmpty(person.ChatId) ? [] :
        [new OutboxMessage { Channel = person.Channel, ChatId = person.ChatId, Text = r.AnswerText ?? "", Kind = "request-answer", RequestId = r.Id, CreatedAtUtc = time.GetUtcNow().UtcDateTime }];

    private AuditEntry Entry(Person person, SubjectRequest r, string evt, string detail) => new()
    {
        TimeUtc = time.GetUtcNow().UtcDateTime,
        Kind = "retention",
        Event = evt,
        Channel = person.Channel,
        UserId = string.IsNullOrEmpty(person.PlatformUserId) ? null : person.PlatformUserId,
        PersonId = person.Id,
        PurposeId = r.PurposeId,
        Actor = SystemActor,
        Detail = $"request {r.Id}: {detail}",
    };
}
