using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;
using PdBot.Tests.Incidents;

namespace PdBot.Tests.Admin.Console;

/// <summary>The incident pages over plain HTTP: admins register and act, auditors read, operators stay out; bad input comes back in Russian as typed.</summary>
public sealed class IncidentPagesHttpTests(SharedConsoleHost shared) : IClassFixture<SharedConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    private IncidentService Service => Host.Services.GetRequiredService<IncidentService>();

    private DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A datetime-local value in Moscow time (UTC+3).</summary>
    private static string Local(DateTime utc) => utc.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task An_admin_registers_an_incident_and_the_list_shows_the_hours_left_and_the_overdue_in_red()
    {
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var detected = Now.AddHours(-2);

        using var posted = await anna.PostFormAsync("/admin/incidents/new", "/admin/incidents/new",
        [
            F("Form.DetectedAt", Local(detected)), F("Form.Summary", "Выгрузка журнала заявок попала в общий чат"),
            F("Form.DataCategories", "ФИО, телефоны"), F("Form.EstimatedPeople", "40"), F("Form.ContactPerson", "Петрова А. А."),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = long.Parse(posted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var incident = Service.Store.Find(id)!;
        Assert.Equal((IncidentState.Open, "Выгрузка журнала заявок попала в общий чат", 40), (incident.State, incident.Summary, incident.EstimatedPeople));
        Assert.Equal(detected.AddSeconds(-detected.Second).AddTicks(-(detected.Ticks % TimeSpan.TicksPerSecond)), incident.DetectedAtUtc);
        var list = await anna.GetTextAsync("/admin/incidents");
        Assert.Contains($"data-id=\"{id}\" data-state=\"Open\" data-overdue=\"false\"", list, StringComparison.Ordinal);
        Assert.Contains("осталось 22 ч", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/incidents\">Инциденты</a>", list, StringComparison.Ordinal);

        // The shared clock stays put (moving it would end every session): an incident detected 25 hours ago is overdue by 1 hour.
        var old = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Now.AddHours(-25), Summary = "Старый инцидент" }, "anna");
        var late = await anna.GetTextAsync("/admin/incidents");

        Assert.Contains($"data-id=\"{old.Id}\" data-state=\"Open\" data-overdue=\"true\"", late, StringComparison.Ordinal);
        Assert.Contains("days days-red overdue\">просрочено на 1 ч", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_russian_and_the_form_keeps_what_was_typed()
    {
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var before = Service.Store.List().Count;

        using var posted = await anna.PostFormAsync("/admin/incidents/new", "/admin/incidents/new",
            [F("Form.DetectedAt", Local(Now)), F("Form.Summary", " "), F("Form.EstimatedPeople", "около сорока"), F("Form.Harm", "Риск звонков мошенников")]);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Опишите, что произошло.", html, StringComparison.Ordinal);
        Assert.Contains("Число затронутых субъектов: укажите целое число или оставьте поле пустым.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"около сорока\"", html, StringComparison.Ordinal);
        Assert.Contains(">Риск звонков мошенников</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, Service.Store.List().Count);
    }

    [Fact]
    public async Task The_page_shows_both_notices_and_marking_the_notice_sent_records_when_and_how_and_stops_its_clock()
    {
        var incident = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Now, Summary = "Утечка", Harm = "Риск звонков" }, "anna");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var page = $"/admin/incidents/{incident.Id}";

        var html = await anna.GetTextAsync(page);
        Assert.Contains("id=\"notice-24\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"notice-72\"", html, StringComparison.Ordinal);
        Assert.Contains("Предполагаемый вред, нанесённый правам субъектов персональных данных:</strong> <span class=\"notice-value\">Риск звонков", html, StringComparison.Ordinal);

        using var empty = await anna.PostFormAsync(page, page + "/notice", [F("sentAt", Local(Now)), F("via", "")]);
        Assert.Contains("Укажите, как отправлено", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Service.Store.Find(incident.Id)!.NoticeSentAtUtc);

        using var marked = await anna.PostFormAsync(page, page + "/notice", [F("sentAt", Local(Now)), F("via", "через портал pd.rkn.gov.ru")]);

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var stored = Service.Store.Find(incident.Id)!;
        Assert.Equal((IncidentState.NoticeSent, "через портал pd.rkn.gov.ru"), (stored.State, stored.NoticeSentVia));
        Assert.False(stored.NoticeClockRuns);
        var after = await anna.GetTextAsync(page);
        Assert.Contains("через портал pd.rkn.gov.ru", after, StringComparison.Ordinal);
        Assert.Contains("id=\"results-form\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"notice-form\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_version_holds_both_notices_without_the_consoles_navigation()
    {
        var incident = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Now, Summary = "Утечка для печати" }, "anna");
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);

        var html = await irina.GetTextAsync($"/admin/incidents/{incident.Id}?print=1");

        Assert.Contains("<body id=\"print\">", html, StringComparison.Ordinal);
        Assert.Contains("Утечка для печати", html, StringComparison.Ordinal);
        Assert.Contains("о результатах внутреннего расследования", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_reads_incidents_without_any_form_and_a_forged_post_changes_nothing_while_an_operator_is_kept_out()
    {
        var incident = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Now, Summary = "Утечка" }, "anna");
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);
        var page = $"/admin/incidents/{incident.Id}";

        var list = await irina.GetTextAsync("/admin/incidents");
        var detail = await irina.GetTextAsync(page);
        using var compose = await irina.GetAsync("/admin/incidents/new");
        using var forged = await irina.PostFormAsync(page, page + "/notice", [F("sentAt", Local(Now)), F("via", "почтой")]);
        using var forgedEdit = await irina.PostFormAsync(page, page + "/edit", [F("Form.DetectedAt", Local(Now)), F("Form.Summary", "Другое")]);
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);
        using var operatorList = await oleg.GetAsync("/admin/incidents");

        Assert.Contains($"href=\"/admin/incidents/{incident.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-incident\"", list, StringComparison.Ordinal);
        Assert.Contains("id=\"notice-24\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"notice-form\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"incident-form\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"affected-form\"", detail, StringComparison.Ordinal);
        Assert.All([compose, forged, forgedEdit, operatorList], r => Assert.StartsWith("/admin/denied", Path(r), StringComparison.Ordinal));
        var stored = Service.Store.Find(incident.Id)!;
        Assert.Equal((IncidentState.Open, "Утечка"), (stored.State, stored.Summary));
        Assert.DoesNotContain(Host.Audit.ReadAll(), e => e.Kind == IncidentEvents.Kind && e.Actor == ConsoleHost.AuditorLogin);
    }

    [Fact]
    public async Task The_affected_section_shows_the_count_before_sending_then_queues_the_notice_for_the_reachable_only()
    {
        var at = Now;
        var reachable = await AffectedSeed.PersonAsync(Host.Services, "telegram", "770001", "consultation", at);
        var blocked = await AffectedSeed.PersonAsync(Host.Services, "telegram", "770002", "consultation", at, blocked: true);
        var incident = await Service.RegisterAsync(new IncidentFields { DetectedAtUtc = Now, Summary = "Утечка" }, "anna");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var page = $"/admin/incidents/{incident.Id}";

        using var nothing = await anna.PostFormAsync(page, page + "/select", [F("Affected.Ids", "")]);
        Assert.Contains("Укажите канал, цель, период или список идентификаторов.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var selected = await anna.PostFormAsync(page, page + "/select", [F("Affected.Ids", "telegram:770001\r\ntelegram:770002")]);
        var html = await anna.GetTextAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);
        Assert.Contains("Будет отправлено: 1; заблокированы: 1; данные уничтожены: 0 — им не отправляется", html, StringComparison.Ordinal);
        Assert.Contains("id=\"notice-text\"", html, StringComparison.Ordinal);

        using var sent = await anna.PostFormAsync(page, page + "/send", [F("NoticeText", "Клиника сообщает об инциденте.")]);
        var after = await anna.GetTextAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var notices = Host.Services.GetRequiredService<IOutbox>().Pending("telegram").Where(m => m.Kind == OutboxKind.ServiceNotice).ToList();
        Assert.Equal(["770001"], notices.Select(m => m.ChatId));
        Assert.Contains($"data-person=\"{reachable.Id}\" data-outcome=\"Pending\"", after, StringComparison.Ordinal);
        Assert.Contains($"data-person=\"{blocked.Id}\" data-outcome=\"SkippedBlocked\"", after, StringComparison.Ordinal);
    }

    private static string Path(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? response.RequestMessage!.RequestUri!.PathAndQuery;
}
