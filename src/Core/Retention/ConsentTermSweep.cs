using System.Globalization;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;

namespace PdBot.Core.Retention;

/// <summary>
/// Consents of purposes with a term in days (<see cref="PurposeOptions.RetentionDays"/>, e.g. the consultation request's
/// «не более 30 дней») end when it runs out, counted from when they were given: the consent becomes withdrawn with an
/// «expired» entry by the system, so nothing is processed for the purpose any more. The purpose's own records (a
/// consultation request) are destroyed by their sweep.
/// </summary>
public sealed class ConsentTermSweep(IConsentStore store, ConsentCatalog catalog, TimeProvider time) : IPurposeDataSweep
{
    public IReadOnlyList<TermPreviewItem> Preview(DateTimeOffset untilUtc) =>
        [.. Due(untilUtc.UtcDateTime).Select(x => new TermPreviewItem(
            ClinicTime.LocalDate(new DateTimeOffset(x.Ends, TimeSpan.Zero)), x.Record.PersonId, x.Purpose.Title,
            $"согласие «{x.Purpose.Title}»", "прекращение согласия", Reason(x.Purpose)))];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var done = 0;
        foreach (var (record, purpose, _) in Due(time.GetUtcNow().UtcDateTime).ToList())
        {
            if (store.FindPersonById(record.PersonId) is not { } person)
            {
                continue;
            }

            var session = ConsentSession.Open(store, catalog, time, person.Channel, person.PlatformUserId, person.ChatId);
            if (session.Person.Id == person.Id && session.Expire(purpose.Id, Reason(purpose)))
            {
                await session.SaveAsync(cancellationToken);
                done++;
            }
        }

        return done;
    }

    private static string Reason(PurposeOptions p) =>
        string.Create(CultureInfo.InvariantCulture, $"истёк срок согласия: {p.RetentionDays} дн. с даты согласия (п. 6.2.9 Политики)");

    private IEnumerable<(ConsentRecord Record, PurposeOptions Purpose, DateTime Ends)> Due(DateTime untilUtc) =>
        catalog.Purposes.Where(p => p.RetentionDays is not null)
            .SelectMany(p => new[] { ConsentState.Given, ConsentState.NeedsRenewal }.SelectMany(s => store.InState(p.Id, s))
                .Where(r => r.GivenAtUtc is not null)
                .Select(r => (Record: r, Purpose: p, Ends: r.GivenAtUtc!.Value.AddDays(p.RetentionDays!.Value))))
            .Where(x => x.Ends <= untilUtc)
            .OrderBy(x => x.Ends);
}
