using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Core.Leads;

/// <summary>
/// The consultation consent's term («до проведения консультации, но не более 30 дней»): a request's personal data
/// are destroyed 30 days after it was sent, when it reaches a final state (booked, no answer, closed, cancelled), or
/// when the person's consultation consent is no longer in force — whichever comes first; a form left unsent for
/// 24 hours goes too. Each destruction is written as a destruction act (subject by pseudonymous id, categories,
/// system, method, reason, date).
/// </summary>
public sealed class LeadTermSweep(ILeadStore store, IConsentStore consents, ConsentCatalog catalog, TimeProvider time) : IPurposeDataSweep
{
    /// <summary>A form nobody touched for this long is dropped.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromHours(24);

    private const string Categories = "имя; номер телефона; желаемые дата и время консультации; направление";

    public IReadOnlyList<TermPreviewItem> Preview(DateTimeOffset untilUtc) =>
        [.. Due(untilUtc.UtcDateTime).Select(x => new TermPreviewItem(
            ClinicTime.LocalDate(new DateTimeOffset(x.When, TimeSpan.Zero)), x.Lead.PersonId, Title,
            $"заявка на консультацию № {x.Lead.Id}", x.Lead.State == LeadState.Filling ? "удаление незаполненной заявки" : "уничтожение данных заявки", x.Reason))];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        foreach (var (lead, _, reason) in Due(now).ToList())
        {
            var act = Act(lead, reason, now);
            if (lead.State == LeadState.Filling)
            {
                await store.DeleteAsync(lead, [act], cancellationToken);
            }
            else
            {
                if (lead.IsOpen)
                {
                    // Nobody may call about it any more: the consent that allowed it is gone.
                    lead.State = LeadState.Closed;
                    lead.ClosedAtUtc = now;
                    lead.History.Add(new LeadHistoryItem { AtUtc = now, Actor = Actors.System, Event = LeadEvents.Closed, Note = reason });
                }

                lead.ErasePersonalData(now);
                lead.History.Add(new LeadHistoryItem { AtUtc = now, Actor = Actors.System, Event = RequestAction.Destroyed, Note = reason });
                await store.SaveAsync(lead, [], [act], cancellationToken);
            }

            done++;
        }

        return done;
    }

    private string Title => catalog.Consultation?.Title ?? "Заявка на консультацию";

    private int Days => catalog.Consultation?.RetentionDays ?? 30;

    private AuditEntry Act(Lead lead, string reason, DateTime now) => new()
    {
        TimeUtc = now,
        Kind = RequestAction.RetentionKind,
        Event = RequestAction.Destroyed,
        Channel = lead.Channel,
        PersonId = lead.PersonId,
        PurposeId = catalog.Consultation?.Id,
        Actor = Actors.System,
        Detail = $"акт об уничтожении данных заявки на консультацию № {lead.Id.ToString(CultureInfo.InvariantCulture)}: субъект {lead.PersonId}; " +
            $"категории: {Categories}; информационная система: PdBot; способ: стирание из базы данных; причина: {reason}; " +
            $"дата: {RequestTexts.Date(ClinicTime.LocalDate(new DateTimeOffset(now, TimeSpan.Zero)))}",
    };

    /// <summary>Each request whose data are due by <paramref name="untilUtc"/>, with when and why (the earliest reason).</summary>
    private IEnumerable<(Lead Lead, DateTime When, string Reason)> Due(DateTime untilUtc)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var lead in store.WithPersonalData())
        {
            var reasons = new List<(DateTime When, string Reason)>();
            if (lead.State == LeadState.Filling)
            {
                reasons.Add((lead.UpdatedAtUtc + DraftLifetime, "заявка не отправлена за 24 часа"));
            }
            else
            {
                reasons.Add((lead.CreatedAtUtc.AddDays(Days), string.Create(CultureInfo.InvariantCulture, $"истёк срок: {Days} дн. с даты заявки (п. 2.3.1, 6.2.9 Политики)")));
                if (lead.ClosedAtUtc is { } closed && LeadMachine.IsFinal(lead.State))
                {
                    reasons.Add((closed, $"цель достигнута или отпала: заявка {LeadTexts.State(lead.State)}"));
                }
            }

            if (!ConsentInForce(lead.PersonId))
            {
                reasons.Add((now, "согласие на обработку данных заявки не действует"));
            }

            var first = reasons.MinBy(r => r.When);
            if (first.When <= untilUtc)
            {
                yield return (lead, first.When, first.Reason);
            }
        }
    }

    private bool ConsentInForce(string personId) =>
        catalog.Consultation is not { } purpose
        || consents.RecordsOf(personId).Any(r => r.PurposeId == purpose.Id && r.State is ConsentState.Given or ConsentState.NeedsRenewal);
}
