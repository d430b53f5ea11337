using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Hosting;
using PdBot.Core.Alerts;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Incidents;

/// <summary>The incident clocks count hours (24 h and 72 h from detection, weekends included) and alert 6 h and 1 h before each deadline and when it passes, each once.</summary>
public sealed class IncidentClockTests : IDisposable
{
    // Friday 4 December 2026, 18:00 Moscow time.
    private static readonly DateTime FridayEvening = new(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc);

    private readonly PdBotTestHost _host = new(new() { ["Requests:AdminChannel"] = "telegram", ["Requests:AdminChatId"] = "-1001" });

    public IncidentClockTests() => _host.Clock.SetUtcNow(FridayEvening);

    public void Dispose() => _host.Dispose();

    private IncidentService Service => _host.Services.GetRequiredService<IncidentService>();

    private IncidentClockWorker Worker => _host.Services.GetRequiredService<IncidentClockWorker>();

    private AlertBoard Board => _host.Services.GetRequiredService<AlertBoard>();

    private Task<Incident> RegisterAsync() => Service.RegisterAsync(
        new IncidentFields { DetectedAtUtc = FridayEvening, Summary = "Выгрузка журнала обращений Иванова И. И. оказалась в открытом чате" }, "anna");

    /// <summary>Runs the worker every 10 minutes up to <paramref name="until"/>; returns (when, text) of each alert raised meanwhile.</summary>
    private async Task<List<(DateTime At, string Text)>> RunUntilAsync(DateTime until)
    {
        var raised = new List<(DateTime, string)>();
        var seen = Board.Open().Select(a => a.Id).ToHashSet();
        while (_host.Clock.GetUtcNow().UtcDateTime <= until)
        {
            await Worker.RunOnceAsync(default);
            foreach (var a in Board.Open().Where(a => a.Kind == AlertKinds.IncidentDeadline && seen.Add(a.Id)))
            {
                raised.Add((a.RaisedAtUtc, a.Text));
            }

            _host.Clock.Advance(IncidentClockWorker.Period);
        }

        return raised;
    }

    [Fact]
    public async Task Registered_on_Friday_at_18_the_notice_is_due_on_Saturday_at_18_not_Monday()
    {
        var incident = await RegisterAsync();

        Assert.Equal(new DateTime(2026, 12, 5, 15, 0, 0, DateTimeKind.Utc), incident.NoticeDueUtc);
        Assert.Equal(new DateTime(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc), incident.ResultsDueUtc);
        Assert.Equal(IncidentState.Open, incident.State);
        Assert.Equal("05.12.2026 18:00 МСК", IncidentNotices.Time(incident.NoticeDueUtc));
    }

    [Fact]
    public async Task Operators_are_alerted_6_hours_and_1_hour_before_the_24_hour_notice_and_when_it_is_overdue_each_once()
    {
        var incident = await RegisterAsync();

        var alerts = await RunUntilAsync(FridayEvening.AddHours(30));

        var notice = alerts.Where(a => a.Text.Contains("уведомления Роскомнадзора", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [FridayEvening.AddHours(18), FridayEvening.AddHours(23), FridayEvening.AddHours(24)],
            notice.Select(a => a.At));
        Assert.Equal($"Инцидент № {incident.Id}: до срока уведомления Роскомнадзора (24 ч) осталось 6 ч.", notice[0].Text);
        Assert.Equal($"Инцидент № {incident.Id}: до срока уведомления Роскомнадзора (24 ч) осталось 1 ч.", notice[1].Text);
        Assert.Contains("истёк", notice[2].Text, StringComparison.Ordinal);
        Assert.All(alerts, a => Assert.DoesNotContain("Иванов", a.Text, StringComparison.Ordinal));

        // Each alert went to the admin chat once, and the incident's history shows it.
        var chat = AdminChat();
        Assert.Equal(3, chat.Count(m => m.Text.Contains("уведомления Роскомнадзора", StringComparison.Ordinal)));
        Assert.Equal(3, Service.Store.Find(incident.Id)!.History.Count(h => h.Event == IncidentEvents.Alerted));
    }

    [Fact]
    public async Task The_72_hour_results_are_alerted_over_the_weekend_too_and_nothing_is_raised_twice()
    {
        var incident = await RegisterAsync();

        var alerts = await RunUntilAsync(FridayEvening.AddHours(74));
        var again = await Worker.RunOnceAsync(default);

        var results = alerts.Where(a => a.Text.Contains("результатов расследования", StringComparison.Ordinal)).Select(a => a.At);
        Assert.Equal([FridayEvening.AddHours(66), FridayEvening.AddHours(71), FridayEvening.AddHours(72)], results);
        Assert.Equal(6, alerts.Count);
        Assert.Equal(0, again);
        Assert.Equal(6, AdminChat().Count(m => m.Text.StartsWith($"Инцидент № {incident.Id}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Marking_the_notice_sent_stops_its_clock_and_its_alerts()
    {
        var incident = await RegisterAsync();
        _host.Clock.Advance(TimeSpan.FromHours(20));
        await Worker.RunOnceAsync(default);
        Assert.True(await Service.MarkNoticeSentAsync(incident.Id, _host.Clock.GetUtcNow().UtcDateTime, "через портал pd.rkn.gov.ru", "anna"));

        var alerts = await RunUntilAsync(FridayEvening.AddHours(30));

        Assert.DoesNotContain(alerts, a => a.Text.Contains("уведомления Роскомнадзора", StringComparison.Ordinal));
        var stored = Service.Store.Find(incident.Id)!;
        Assert.Equal(IncidentState.NoticeSent, stored.State);
        Assert.False(stored.NoticeClockRuns);
        Assert.Equal("через портал pd.rkn.gov.ru", stored.NoticeSentVia);
        Assert.Equal([IncidentDeadlineKind.Results], IncidentDeadline.Running(stored).Select(d => d.Kind));
    }

    [Fact]
    public async Task A_candidate_from_a_chat_report_runs_the_clocks_until_it_is_dismissed()
    {
        var candidate = await Service.OpenCandidateAsync(IncidentSource.ChatReport, "Сообщение о нарушении из чата", FridayEvening, "person-1");
        _host.Clock.Advance(TimeSpan.FromHours(19));
        Assert.Equal(1, await Worker.RunOnceAsync(default));

        Assert.False(await Service.DismissAsync(candidate.Id, "  ", "anna"));
        Assert.True(await Service.DismissAsync(candidate.Id, "Сообщение не подтвердилось", "anna"));
        var alerts = await RunUntilAsync(FridayEvening.AddHours(80));

        Assert.Empty(alerts);
        Assert.Equal(IncidentState.Dismissed, Service.Store.Find(candidate.Id)!.State);
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_incident_number_and_not_its_text()
    {
        var incident = await RegisterAsync();
        var fields = IncidentFields.Of(incident);
        fields.Harm = "Раскрытие сведений о здоровье";
        Assert.True(await Service.EditAsync(incident.Id, fields, "anna"));
        Assert.True(await Service.MarkNoticeSentAsync(incident.Id, FridayEvening.AddHours(2), "почтой", "anna"));
        Assert.True(await Service.MarkResultsSentAsync(incident.Id, FridayEvening.AddHours(50), "почтой", "anna"));
        Assert.False(await Service.MarkResultsSentAsync(incident.Id, FridayEvening.AddHours(51), "почтой", "anna"));
        Assert.True(await Service.CloseAsync(incident.Id, "anna"));

        var entries = _host.Audit.ReadAll().Where(e => e.Kind == IncidentEvents.Kind).ToList();
        Assert.Equal(
            [IncidentEvents.Registered, IncidentEvents.Edited, IncidentEvents.NoticeSent, IncidentEvents.ResultsSent, IncidentEvents.Closed],
            entries.Select(e => e.Event));
        Assert.All(entries, e => Assert.StartsWith($"инцидент № {incident.Id}", e.Detail, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal("anna", e.Actor));
        Assert.Contains("вред", entries[1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Detail!.Contains("Иванов", StringComparison.Ordinal) || e.Detail.Contains("здоровье", StringComparison.Ordinal));
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    private List<OutboxMessage> AdminChat() => [.. _host.Services.GetRequiredService<IOutbox>().Pending("telegram").Where(m => m.Kind == OutboxKind.OperatorAlert && m.ChatId == "-1001")];
}
