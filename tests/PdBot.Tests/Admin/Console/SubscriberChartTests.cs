using System.Globalization;
using System.Text.RegularExpressions;
using PdBot.Bot.Admin.Subscribers;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin.Console;

/// <summary>The subscriptions chart without a browser: clinic-local days, only the mailing purpose's given and withdrawn entries.</summary>
public sealed partial class SubscriberChartTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public async Task Entries_are_counted_on_their_moscow_day_and_only_mailing_consents_given_or_withdrawn_count()
    {
        using var host = new PdBotTestHost();
        var mailing = host.Catalog.Mailing.Id;
        await host.Audit.AppendAsync(
        [
            Entry(new DateTime(2026, 11, 23, 20, 59, 0, DateTimeKind.Utc), AuditEvents.Given, mailing), // 23:59 МСК, 23.11
            Entry(new DateTime(2026, 11, 23, 21, 0, 0, DateTimeKind.Utc), AuditEvents.Given, mailing), // 00:00 МСК, 24.11
            Entry(new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc), AuditEvents.Withdrawn, mailing),
            Entry(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), AuditEvents.Declined, mailing),
            Entry(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), AuditEvents.Given, "consultation"),
            Entry(new DateTime(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc), AuditEvents.Given, mailing), // 23:00 МСК, today
        ]);

        var days = SubscriptionChart.Count(host.Audit, mailing, Today);

        Assert.Equal(SubscriptionChart.Days, days.Count);
        Assert.Equal((Today.AddDays(-89), Today), (days[0].Date, days[^1].Date));
        Assert.Equal(new SubscriptionDay(new DateOnly(2026, 11, 23), 1, 0), days.Single(d => d.Date == new DateOnly(2026, 11, 23)));
        Assert.Equal(new SubscriptionDay(new DateOnly(2026, 11, 24), 1, 1), days.Single(d => d.Date == new DateOnly(2026, 11, 24)));
        Assert.Equal(new SubscriptionDay(Today, 1, 0), days[^1]);
        Assert.Equal((3, 1), (days.Sum(d => d.Given), days.Sum(d => d.Withdrawn)));
    }

    [Fact]
    public async Task Days_before_the_ninety_shown_are_left_out()
    {
        using var host = new PdBotTestHost();
        var mailing = host.Catalog.Mailing.Id;
        var firstShown = ClinicStart(Today.AddDays(-89));
        await host.Audit.AppendAsync([Entry(firstShown.AddMinutes(-1), AuditEvents.Given, mailing), Entry(firstShown, AuditEvents.Withdrawn, mailing)]);

        var days = SubscriptionChart.Count(host.Audit, mailing, Today);

        Assert.Equal((0, 1), (days.Sum(d => d.Given), days.Sum(d => d.Withdrawn)));
        Assert.Equal(1, days[0].Withdrawn);
    }

    [Fact]
    public void The_svg_has_one_group_per_day_and_the_busiest_day_fills_the_plot()
    {
        var days = Enumerable.Range(0, SubscriptionChart.Days).Select(i => new SubscriptionDay(Today.AddDays(i - 89), i == 10 ? 8 : i % 3, i == 20 ? 4 : 0)).ToList();

        var svg = SubscriptionChartSvg.Render(days);

        Assert.Equal(SubscriptionChart.Days, DayPattern().Count(svg));
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-max=\"8\"", svg, StringComparison.Ordinal);
        var heights = HeightPattern().Matches(svg).Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        var busiest = heights.Where(h => h.Item1 == "given").Max(h => h.Item2);
        var withdrawn = heights.Where(h => h.Item1 == "withdrawn").Max(h => h.Item2);
        Assert.Equal(busiest / 2, withdrawn, 2);
        Assert.Contains($"<title>{days[10].Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}: подписались 8, отписались 0</title>", svg, StringComparison.Ordinal);
    }

    private static DateTime ClinicStart(DateOnly date) => PdBot.Core.Calendar.ClinicTime.StartOfDayUtc(date).UtcDateTime;

    private static AuditEntry Entry(DateTime utc, string evt, string purpose) => new()
    {
        TimeUtc = utc,
        Kind = AuditEvents.ConsentKind,
        Event = evt,
        Channel = "telegram",
        PurposeId = purpose,
        PersonId = "p1",
    };

    [GeneratedRegex("<g class=\"day\"")]
    private static partial Regex DayPattern();

    [GeneratedRegex("<rect class=\"(given|withdrawn)\"[^>]* height=\"([0-9.]+)\"")]
    private static partial Regex HeightPattern();
}
