using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Authority;
using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Unlawful;
using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Authority;

/// <summary>The Roskomnadzor and unlawful-processing pages over plain HTTP: the admin acts, the auditor only reads.</summary>
public sealed class AuthorityPagesHttpTests(SharedConsoleHost shared) : IClassFixture<SharedConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    private AuthorityService Authority => Host.Services.GetRequiredService<AuthorityService>();

    private UnlawfulService Unlawful => Host.Services.GetRequiredService<UnlawfulService>();

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    private async Task<Person> PersonAsync(string userId)
    {
        var person = Person.Create("telegram", userId, "chat-" + userId, Host.Clock.GetUtcNow().UtcDateTime);
        await Host.Services.GetRequiredService<IConsentStore>().SaveAsync(person, true, [], []);
        return person;
    }

    [Fact]
    public async Task Admin_registers_a_request_and_the_list_shows_its_due_date_and_working_days_left()
    {
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);

        using var response = await anna.PostFormAsync("/admin/authority", "/admin/authority?handler=Register",
            [new("ReceivedOn", "2026-11-20"), new("IncomingNumber", "04-1/9911"), new("Subject", "сведения о рассылках"), new("PersonId", ""), new("Note", "")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var r = Authority.Store.All().Single(x => x.IncomingNumber == "04-1/9911");
        Assert.Equal($"/admin/authority/{r.Id}", PathOf(response));
        var list = WebUtility.HtmlDecode(await anna.GetTextAsync("/admin/authority"));
        Assert.Contains($"data-id=\"{r.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("04.12.2026", list, StringComparison.Ordinal);
        var detail = WebUtility.HtmlDecode(await anna.GetTextAsync($"/admin/authority/{r.Id}"));
        Assert.Contains($"осталось {Authority.WorkingDaysLeft(r)} раб. дн.", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"extend-form\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_request_is_red_in_the_list()
    {
        var (r, _) = await Authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 10, 1), "старый-1", "сведения", null, null), "anna");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);

        var list = await anna.GetTextAsync("/admin/authority");

        var row = list[list.IndexOf($"data-id=\"{r!.Id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("days-red overdue", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_register_form_without_a_number_comes_back_with_a_Russian_error_and_what_was_typed()
    {
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var before = Authority.Store.All().Count;

        using var response = await anna.PostFormAsync("/admin/authority", "/admin/authority?handler=Register",
            [new("ReceivedOn", "2026-11-20"), new("IncomingNumber", ""), new("Subject", "сведения об уничтожении")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Укажите входящий номер запроса.", html, StringComparison.Ordinal);
        Assert.Contains(">сведения об уничтожении</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, Authority.Store.All().Count);
    }

    [Fact]
    public async Task Extension_through_the_page_works_once_and_the_second_is_refused_in_Russian()
    {
        var (r, _) = await Authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 23), "прод-1", "сведения", null, null), "anna");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var page = $"/admin/authority/{r!.Id}";

        using var first = await anna.PostFormAsync(page, page + "/extend", [new("days", "3"), new("reason", "запрошены сведения у филиала")]);
        var extended = Authority.Store.Find(r.Id)!;
        Assert.Equal((AuthorityState.Extended, 3), (extended.State, extended.ExtendedByWorkingDays));
        Assert.DoesNotContain("id=\"extend-form\"", await anna.GetTextAsync(page), StringComparison.Ordinal);

        using var second = await anna.PostFormAsync(page, page + "/extend", [new("days", "2"), new("reason", "ещё")]);
        var html = WebUtility.HtmlDecode(await anna.GetTextAsync(page));

        Assert.Contains("только один раз", html, StringComparison.Ordinal);
        Assert.Equal(extended.DueDate, Authority.Store.Find(r.Id)!.DueDate);
    }

    [Fact]
    public async Task Auditor_reads_both_registers_without_forms_and_a_forged_post_changes_nothing()
    {
        var person = await PersonAsync("900001");
        var (r, _) = await Authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "ауд-1", "сведения", null, null), "anna");
        var (c, _) = await Unlawful.RegisterAsync(new UnlawfulRegistration(person.Id, "хранение сверх срока", null, null), "anna");
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);

        var list = await irina.GetTextAsync("/admin/authority");
        var detail = await irina.GetTextAsync($"/admin/authority/{r!.Id}");
        var cases = await irina.GetTextAsync("/admin/unlawful");
        var caseDetail = await irina.GetTextAsync($"/admin/unlawful/{c!.Id}");

        Assert.Contains($"data-id=\"{r.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{c.Id}\"", cases, StringComparison.Ordinal);
        Assert.All([list, detail, cases, caseDetail], html => Assert.Contains("id=\"read-only\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"register-form\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"extend-form\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("act-destroy", caseDetail, StringComparison.Ordinal);

        using var extend = await irina.PostFormAsync($"/admin/authority/{r.Id}", $"/admin/authority/{r.Id}/extend", [new("days", "5"), new("reason", "подделка")]);
        using var destroy = await irina.PostFormAsync($"/admin/unlawful/{c.Id}", $"/admin/unlawful/{c.Id}/destroy", []);
        using var register = await irina.PostFormAsync("/admin/authority", "/admin/authority?handler=Register", [new("ReceivedOn", "2026-11-20"), new("IncomingNumber", "x"), new("Subject", "y")]);

        Assert.All([extend, destroy, register], resp => Assert.StartsWith("/admin/denied", PathOf(resp), StringComparison.Ordinal));
        Assert.Equal(AuthorityState.Received, Authority.Store.Find(r.Id)!.State);
        Assert.Equal(UnlawfulState.Detected, Unlawful.Store.Find(c.Id)!.State);
        Assert.DoesNotContain(Authority.Store.All(), x => x.IncomingNumber == "x");
        Assert.DoesNotContain(Host.Audit.ReadAll(), e => e.Actor == ConsoleHost.AuditorLogin && e.Kind is AuthorityEvents.Kind or UnlawfulEvents.Kind);
    }

    [Fact]
    public async Task Admin_blocks_a_case_on_its_page_which_then_shows_the_six_month_date_and_still_offers_destruction()
    {
        var person = await PersonAsync("900002");
        var anna = await shared.ClientAsync(ConsoleHost.AdminLogin);
        using var registered = await anna.PostFormAsync("/admin/unlawful", "/admin/unlawful?handler=Register",
            [new("PersonId", person.Id), new("What", "рассылка после отзыва согласия"), new("DetectedOn", "2026-11-23"), new("AuthorityRequestId", "")]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var c = Unlawful.Store.All().Single(x => x.PersonId == person.Id);
        var page = $"/admin/unlawful/{c.Id}";
        Assert.Contains("26.11.2026", await anna.GetTextAsync(page), StringComparison.Ordinal);

        using var blocked = await anna.PostFormAsync(page, page + "/block", [new("text", "копия в архиве поставщика")]);
        var html = WebUtility.HtmlDecode(await anna.GetTextAsync(page));

        var until = Unlawful.Store.Find(c.Id)!.DestroyBlockedBy!.Value;
        Assert.Equal(Unlawful.Today.AddMonths(6), until);
        Assert.Contains($"id=\"block-ends\">{until:dd.MM.yyyy}", html, StringComparison.Ordinal);
        Assert.Contains("id=\"act-destroy\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"act-remedy\"", html, StringComparison.Ordinal);
        Assert.True(Host.Services.GetRequiredService<IConsentStore>().FindPersonById(person.Id)!.Blocked);
    }
}
