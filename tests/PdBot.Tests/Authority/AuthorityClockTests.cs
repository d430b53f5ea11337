using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Hosting;
using PdBot.Core.Alerts;
using PdBot.Core.Authority;
using PdBot.Core.Unlawful;
using PdBot.Tests.Unlawful;

namespace PdBot.Tests.Authority;

/// <summary>The hourly clock for Roskomnadzor requests and unlawful-processing cases, on a fake clock and LiteDB on disk.</summary>
public sealed class AuthorityClockTests : IDisposable
{
    private readonly UnlawfulHost _h = new();

    public void Dispose() => _h.Dispose();

    private AuthorityService Authority => _h.Host.Services.GetRequiredService<AuthorityService>();

    private AlertBoard Board => _h.Host.Services.GetRequiredService<AlertBoard>();

    private Task RunAsync() => _h.Host.Services.GetRequiredService<AuthorityClockWorker>().RunOnceAsync(CancellationToken.None);

    private void On(int year, int month, int day) => _h.Host.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private List<SystemAlert> Alerts(string kind) => [.. Board.Open().Where(a => a.Kind == kind)];

    [Fact]
    public async Task Authority_request_alerts_two_working_days_before_on_the_due_day_and_when_overdue_each_once()
    {
        var person = await _h.PersonAsync("200001");
        var (r, error) = await Authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "01-23/4567", "сведения", person.Id, null), "admin");
        Assert.True(r is not null, error);
        Assert.Equal(new DateOnly(2026, 12, 4), r!.DueDate);

        await RunAsync();
        Assert.Empty(Alerts(AlertKinds.AuthorityDeadline));

        On(2026, 12, 2);
        await RunAsync();
        await RunAsync();
        var before = Assert.Single(Alerts(AlertKinds.AuthorityDeadline));
        Assert.Contains("Через 2 рабочих дня", before.Text, StringComparison.Ordinal);

        On(2026, 12, 4);
        await RunAsync();
        On(2026, 12, 7);
        await RunAsync();
        await RunAsync();

        var texts = Alerts(AlertKinds.AuthorityDeadline).Select(a => a.Text).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Contains(texts, t => t.StartsWith("Сегодня последний день", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Просрочен", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(person.Id, StringComparison.Ordinal) || t.Contains("01-23/4567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answered_request_raises_no_alert()
    {
        var (r, _) = await Authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "7", "сведения", null, null), "admin");
        Assert.True((await Authority.AnswerAsync(r!.Id, new AuthorityAnswer(new DateOnly(2026, 11, 23), "почтой", "исх-1"), "admin")).Ok);

        On(2026, 12, 7);
        await RunAsync();

        Assert.Empty(Alerts(AlertKinds.AuthorityDeadline));
    }

    [Fact]
    public async Task Unlawful_case_alerts_on_the_stop_day_and_the_six_month_block_alerts_when_it_ends()
    {
        var person = await _h.PersonAsync("200002", "mailing");
        var c = await _h.CaseAsync(person, new DateOnly(2026, 11, 23));

        On(2026, 11, 26);
        await RunAsync();
        var stop = Assert.Single(Alerts(AlertKinds.UnlawfulDeadline));
        Assert.Contains("прекратить обработку", stop.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Id, stop.Text, StringComparison.Ordinal);

        Assert.True((await _h.Service.BlockAsync(c.Id, "данные в архивной копии", "admin")).Ok);
        var blockedUntil = _h.Service.Store.Find(c.Id)!.DestroyBlockedBy!.Value;
        Assert.Equal(new DateOnly(2026, 11, 26).AddMonths(6), blockedUntil);

        On(2027, 3, 1);
        await RunAsync();
        Assert.Single(Alerts(AlertKinds.UnlawfulDeadline));

        On(2027, 5, 27);
        await RunAsync();
        var ended = Alerts(AlertKinds.UnlawfulDeadline).Single(a => a.Id != stop.Id);
        Assert.StartsWith("Просрочен", ended.Text, StringComparison.Ordinal);
        Assert.Contains("уничтожить заблокированные данные", ended.Text, StringComparison.Ordinal);
        Assert.False(_h.Host.Store.FindPersonById(person.Id)!.MayProcess());
        Assert.Contains(UnlawfulTrigger.Destroy, new UnlawfulMachine(_h.Service.Store.Find(c.Id)!).Actions);
    }
}
