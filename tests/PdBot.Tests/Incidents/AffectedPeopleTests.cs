using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Consent;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;
using PdBot.Core.People;

namespace PdBot.Tests.Incidents;

/// <summary>
/// The people affected by an incident: chosen by channel, purpose, time window or an explicit list from the store and
/// the audit trail; the blocked and the destroyed are counted and never messaged; the notice needs no mailing consent.
/// </summary>
public sealed class AffectedPeopleTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly PdBotTestHost _host = new();
    private Person _tgConsult = null!;
    private Person _tgMailing = null!;
    private Person _vkConsult = null!;
    private Person _tgBlocked = null!;
    private Person _vkErased = null!;
    private Incident _incident = null!;

    public async Task InitializeAsync()
    {
        var s = _host.Services;
        _tgConsult = await AffectedSeed.PersonAsync(s, "telegram", "1001", "consultation", Monday);
        _tgMailing = await AffectedSeed.PersonAsync(s, "telegram", "1002", "mailing", Monday.AddDays(2));
        _vkConsult = await AffectedSeed.PersonAsync(s, "vk", "2001", "consultation", Monday.AddDays(1));
        _tgBlocked = await AffectedSeed.PersonAsync(s, "telegram", "1003", "consultation", Monday.AddHours(1), blocked: true);
        _vkErased = await AffectedSeed.PersonAsync(s, "vk", "2002", "consultation", Monday.AddHours(2), erased: true);
        _host.Clock.SetUtcNow(Monday.AddDays(3));
        _incident = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Monday.AddDays(3), Summary = "Утечка выгрузки заявок" }, "anna");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private IncidentService Service => _host.Services.GetRequiredService<IncidentService>();

    private AffectedPeople Affected => _host.Services.GetRequiredService<AffectedPeople>();

    private HashSet<string> Found(AffectedQuery query) => [.. Affected.Find(query).PersonIds];

    [Fact]
    public void By_channel_only_that_channels_people_are_chosen()
    {
        Assert.Equal(new HashSet<string> { _vkConsult.Id, _vkErased.Id }, Found(new AffectedQuery { Channel = "vk" }));
        Assert.Equal(
            new HashSet<string> { _tgConsult.Id, _tgMailing.Id, _tgBlocked.Id },
            Found(new AffectedQuery { Channel = "telegram" }));
    }

    [Fact]
    public void By_purpose_only_people_with_an_entry_for_that_purpose_are_chosen()
    {
        Assert.Equal([_tgMailing.Id], Found(new AffectedQuery { PurposeId = "mailing" }));
        Assert.Equal(
            new HashSet<string> { _tgConsult.Id, _vkConsult.Id, _tgBlocked.Id, _vkErased.Id },
            Found(new AffectedQuery { PurposeId = "consultation" }));
    }

    [Fact]
    public void By_time_window_only_people_with_an_entry_inside_it_are_chosen_and_its_end_is_exclusive()
    {
        var firstDay = Found(new AffectedQuery { FromUtc = Monday, ToUtc = Monday.AddDays(1) });

        Assert.Equal(new HashSet<string> { _tgConsult.Id, _tgBlocked.Id, _vkErased.Id }, firstDay);
        Assert.Equal([_vkConsult.Id], Found(new AffectedQuery { Channel = "vk", PurposeId = "consultation", FromUtc = Monday.AddHours(12) }));
    }

    [Fact]
    public void An_explicit_list_takes_person_ids_channel_keys_and_platform_ids_and_counts_what_matches_nobody()
    {
        var (ids, unknown) = Affected.Find(new AffectedQuery { Ids = $"{_tgConsult.Id}\n vk:2001 \n1002\n\nno-such-person\ntelegram:9999" });

        Assert.Equal([_tgConsult.Id, _vkConsult.Id, _tgMailing.Id], ids);
        Assert.Equal(2, unknown);
    }

    [Fact]
    public void A_query_without_any_criterion_or_with_a_reversed_window_is_refused_in_russian()
    {
        Assert.Equal(["Укажите канал, цель, период или список идентификаторов."], new AffectedQuery().Validate());
        Assert.Equal(["Начало периода должно быть раньше его конца."], new AffectedQuery { FromUtc = Monday, ToUtc = Monday }.Validate());
    }

    [Fact]
    public async Task The_count_before_sending_reports_the_blocked_and_the_destroyed_and_only_the_others_are_messaged()
    {
        var count = await Affected.SelectAsync(_incident.Id, new AffectedQuery { PurposeId = "consultation" }, "anna");

        Assert.Equal(new AffectedCount(2, 1, 1, 0), count);
        Assert.Equal("Будет отправлено: 2; заблокированы: 1; данные уничтожены: 1 — им не отправляется", count!.Summary);
        Assert.Equal(2, await Affected.SendAsync(_incident.Id, "Служебное уведомление об инциденте", "anna"));

        var stored = Service.Store.Find(_incident.Id)!;
        Assert.Equal(4, stored.AffectedPersonIds.Count);
        Assert.Equal(DeliveryOutcome.SkippedBlocked, stored.Deliveries.Single(d => d.PersonId == _tgBlocked.Id).Outcome);
        Assert.Equal(DeliveryOutcome.SkippedDestroyed, stored.Deliveries.Single(d => d.PersonId == _vkErased.Id).Outcome);
        var outbox = _host.Services.GetRequiredService<IOutbox>();
        var sent = outbox.Pending("telegram").Concat(outbox.Pending("vk")).Where(m => m.Kind == OutboxKind.ServiceNotice).ToList();
        Assert.Equal(["1001", "2001"], sent.Select(m => m.ChatId).Order());
        Assert.All(sent, m => Assert.Equal("Служебное уведомление об инциденте", m.Text));
        Assert.Equal(
            sent.Select(m => m.Id).Order(),
            stored.Deliveries.Where(d => d.Outcome == DeliveryOutcome.Pending).Select(d => d.OutboxId!.Value).Order());
    }

    [Fact]
    public async Task A_person_without_any_mailing_consent_still_gets_the_service_notice_and_nobody_gets_it_twice()
    {
        Assert.DoesNotContain(
            _host.Services.GetRequiredService<IConsentStore>().RecordsOf(_tgConsult.Id),
            r => r.PurposeId == "mailing" && r.State == ConsentState.Given);
        await Affected.SelectAsync(_incident.Id, new AffectedQuery { Ids = "telegram:1001" }, "anna");

        Assert.Equal(1, await Affected.SendAsync(_incident.Id, "Уведомление", "anna"));
        Assert.Equal(0, await Affected.SendAsync(_incident.Id, "Уведомление", "anna"));

        Assert.Single(_host.Services.GetRequiredService<IOutbox>().Pending("telegram"), m => m.Kind == OutboxKind.ServiceNotice);
    }

    [Fact]
    public async Task Selecting_and_sending_are_audited_per_person_with_the_outcome()
    {
        await Affected.SelectAsync(_incident.Id, new AffectedQuery { Channel = "vk" }, "anna");
        await Affected.SendAsync(_incident.Id, "Уведомление", "anna");

        var entries = _host.Audit.ReadAll().Where(e => e.Kind == IncidentEvents.Kind).ToList();
        Assert.Contains(entries, e => e.Event == IncidentEvents.AffectedSelected && e.Detail!.EndsWith("выбрано 2", StringComparison.Ordinal));
        var perPerson = entries.Where(e => e.Event == IncidentEvents.ServiceNoticeQueued && e.PersonId is not null).ToList();
        Assert.Equal(new HashSet<string> { _vkConsult.Id, _vkErased.Id }, perPerson.Select(e => e.PersonId!).ToHashSet());
        Assert.Contains(perPerson, e => e.PersonId == _vkErased.Id && e.Detail!.Contains("данные уничтожены", StringComparison.Ordinal));
    }
}
