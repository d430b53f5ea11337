using PdBot.Core.Calendar;

namespace PdBot.Tests.Calendar;

/// <summary>
/// Due dates counted by hand: the term starts the day after receipt (Civil Code Art. 191) and ends on its Nth
/// working day.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly ProductionCalendar Calendar = ProductionCalendar.Create(null);

    [Theory]
    // Dec 26, 29, 30 | 31 Dec – 11 Jan off | Jan 12–16, 19, 20
    [InlineData("2025-12-25", 10, "2026-01-20")]
    // 31 Dec and 1–11 Jan off
    [InlineData("2025-12-30", 1, "2026-01-12")]
    // 2–11 Jan off | Jan 12–16, 19–23
    [InlineData("2026-01-01", 10, "2026-01-23")]
    // received on a day off: the count still starts the next day
    [InlineData("2026-01-03", 1, "2026-01-12")]
    // 1–4 May off | 5, 6, 7 | 8–11 May off | 12, 13
    [InlineData("2025-04-30", 5, "2025-05-13")]
    // 8 May | 9–11 May off | 12
    [InlineData("2026-05-07", 2, "2026-05-12")]
    // the working Saturday counts
    [InlineData("2025-10-31", 1, "2025-11-01")]
    // Sat 1 Nov | 2–4 Nov off | 5, 6
    [InlineData("2025-10-31", 3, "2025-11-06")]
    // 21–23 Feb off
    [InlineData("2026-02-20", 1, "2026-02-24")]
    // 6 | 7–9 Mar off | 10–13, 16–20
    [InlineData("2026-03-05", 10, "2026-03-20")]
    // within 2026, up to its last working day
    [InlineData("2026-12-28", 2, "2026-12-30")]
    public void Due_dates_skip_holidays_and_weekends(string received, int workingDays, string due)
    {
        var deadline = Calendar.DueAfter(Day.Of(received), workingDays);

        Assert.Equal(Day.Of(due), deadline.Due);
        Assert.Null(deadline.Warning);
        Assert.False(deadline.IsProvisional);
    }

    [Theory]
    // Apr 30 | 1–3 May off (3 May shifted from Sat 1 May) | 4, 5
    [InlineData("2027-04-29", 3, "2027-05-05")]
    // Dec 28–30 | 31 Dec 2026 – 10 Jan 2027 off | Jan 11–15, 18, 19
    [InlineData("2026-12-25", 10, "2027-01-19")]
    // 31 Dec off, then 1–10 Jan 2027 off
    [InlineData("2026-12-30", 1, "2027-01-11")]
    public void A_deadline_counted_through_2027_carries_a_provisional_warning(string received, int workingDays, string due)
    {
        var deadline = Calendar.DueAfter(Day.Of(received), workingDays);

        Assert.Equal(Day.Of(due), deadline.Due);
        Assert.True(deadline.IsProvisional);
        Assert.Contains("2027", deadline.Warning, StringComparison.Ordinal);
        Assert.Contains("предварительный", deadline.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_running_into_2028_throws_instead_of_guessing()
    {
        // Dec 29, 30, 31 of 2027, then 2028 has no data.
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.DueAfter(Day.Of("2027-12-28"), 5));

        Assert.Equal(2028, ex.Year);
    }

    [Fact]
    public void A_receipt_in_2024_throws_because_its_days_are_not_known() =>
        Assert.Equal(2024, Assert.Throws<CalendarYearMissingException>(() => Calendar.DueAfter(Day.Of("2024-12-30"), 1)).Year);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_term_must_be_at_least_one_working_day(int workingDays) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueAfter(Day.Of("2026-03-02"), workingDays));

    [Theory]
    [InlineData("2026-03-02", "2026-03-02", false)] // a working Monday stays
    [InlineData("2026-01-01", "2026-01-12", false)] // New Year break: Civil Code Art. 193
    [InlineData("2025-11-01", "2025-11-01", false)] // the working Saturday
    [InlineData("2026-12-31", "2027-01-11", true)] // runs into provisional 2027
    public void A_calendar_day_term_ending_on_a_day_off_moves_to_the_next_working_day(string last, string due, bool provisional)
    {
        var deadline = Calendar.WorkingDayOnOrAfter(Day.Of(last));

        Assert.Equal(Day.Of(due), deadline.Due);
        Assert.Equal(provisional, deadline.IsProvisional);
    }

    [Theory]
    [InlineData("2025-12-31", "2026-01-12", 1)]
    [InlineData("2026-01-12", "2025-12-31", -1)]
    [InlineData("2026-05-07", "2026-05-07", 0)]
    [InlineData("2025-12-25", "2026-01-20", 10)]
    [InlineData("2026-01-16", "2026-01-23", 5)] // "working days left": 19–23 Jan
    [InlineData("2026-01-08", "2026-01-11", 0)] // Fri 9 Jan (transferred) and a weekend
    [InlineData("2025-10-31", "2025-11-05", 2)] // Sat 1 Nov and Wed 5 Nov
    public void Working_days_between_count_after_the_start_up_to_the_end(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Day.Of(from), Day.Of(to)));

    [Fact]
    public void Working_days_between_throw_for_a_year_without_data() =>
        Assert.Throws<CalendarYearMissingException>(() => Calendar.WorkingDaysBetween(Day.Of("2027-12-01"), Day.Of("2028-01-10")));
}
