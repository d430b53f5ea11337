using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Alerts;
using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Alerts;

/// <summary>The home page's «Оповещения» panel over plain HTTP: open alerts, «Принято» for those who act, none for auditors.</summary>
public sealed class AlertsHomePageHttpTests(SharedConsoleHost shared) : IClassFixture<SharedConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    private AlertBoard Board => Host.Services.GetRequiredService<AlertBoard>();

    private async Task<SystemAlert> RaiseAsync(string key)
    {
        Assert.True(await Board.RaiseAsync(AlertKinds.PoisonUpdate, key, $"Обновление {key} отложено."));
        return Board.Open().Single(a => a.Key == key);
    }

    private static string Form(long id) => string.Create(CultureInfo.InvariantCulture, $"name=\"id\" value=\"{id}\"");

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    [Fact]
    public async Task The_home_page_lists_open_alerts_and_an_operator_accepts_one_with_an_audit_entry()
    {
        var alert = await RaiseAsync("poison:test:home-1");
        var oleg = await shared.ClientAsync(ConsoleHost.OperatorLogin);

        var html = WebUtility.HtmlDecode(await oleg.GetTextAsync("/admin"));
        Assert.Contains("<h2>Оповещения</h2>", html, StringComparison.Ordinal);
        Assert.Contains(AlertKinds.Title(AlertKinds.PoisonUpdate), html, StringComparison.Ordinal);
        Assert.Contains("Обновление poison:test:home-1 отложено.", html, StringComparison.Ordinal);
        Assert.Contains(Form(alert.Id), html, StringComparison.Ordinal);
        Assert.Contains("id=\"open-requests\"", html, StringComparison.Ordinal);

        using var response = await oleg.PostFormAsync("/admin", "/admin?handler=Acknowledge", [new("id", alert.Id.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(("/admin", HttpStatusCode.Redirect), (PathOf(response), response.StatusCode));
        Assert.Equal(ConsoleHost.OperatorLogin, Host.Services.GetRequiredService<IAlertStore>().Find(alert.Id)!.AcknowledgedBy);
        var after = WebUtility.HtmlDecode(await oleg.GetTextAsync("/admin"));
        Assert.DoesNotContain(Form(alert.Id), after, StringComparison.Ordinal);
        Assert.DoesNotContain("Обновление poison:test:home-1 отложено.", after, StringComparison.Ordinal);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Kind == AlertEvents.Kind && e.Event == AlertEvents.Acknowledged && e.Actor == ConsoleHost.OperatorLogin);
    }

    [Fact]
    public async Task An_auditor_sees_the_alerts_without_the_button_and_a_forged_post_changes_nothing()
    {
        var alert = await RaiseAsync("poison:test:home-2");
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);

        var html = WebUtility.HtmlDecode(await irina.GetTextAsync("/admin"));
        using var forged = await irina.PostFormAsync("/admin", "/admin?handler=Acknowledge", [new("id", alert.Id.ToString(CultureInfo.InvariantCulture))]);

        Assert.Contains("Обновление poison:test:home-2 отложено.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Form(alert.Id), html, StringComparison.Ordinal);
        Assert.Contains("id=\"alerts-read-only\"", html, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", PathOf(forged), StringComparison.Ordinal);
        Assert.True(Host.Services.GetRequiredService<IAlertStore>().Find(alert.Id)!.IsOpen);
        Assert.DoesNotContain(Host.Audit.ReadAll(), e => e.Kind == AlertEvents.Kind && e.Actor == ConsoleHost.AuditorLogin);
    }

    [Fact]
    public async Task Accepting_an_alert_twice_says_so_in_russian_and_changes_nothing()
    {
        var alert = await RaiseAsync("poison:test:home-3");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var id = alert.Id.ToString(CultureInfo.InvariantCulture);

        using var first = await anna.PostFormAsync("/admin", "/admin?handler=Acknowledge", [new("id", id)]);
        using var second = await anna.PostFormAsync("/admin", "/admin?handler=Acknowledge", [new("id", id)]);
        var html = WebUtility.HtmlDecode(await anna.GetTextAsync("/admin"));

        Assert.Contains($"Оповещение № {id} не найдено или уже принято. Ничего не изменено.", html, StringComparison.Ordinal);
        Assert.Single(Host.Audit.ReadAll(), e => e.Kind == AlertEvents.Kind && e.Event == AlertEvents.Acknowledged && e.Detail!.StartsWith($"оповещение № {id} ", StringComparison.Ordinal));
    }
}
