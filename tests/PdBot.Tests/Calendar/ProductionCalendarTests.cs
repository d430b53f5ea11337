using PdBot.Core.Calendar;

namespace PdBot.Tests.Calendar;

/// <summary>
/// Known days of the shipped years, worked out by hand from Decree No. 1335 (2025), Decree No. 1466 (2026) and
/// Labour Code Art. 112 alone (2027), as cited in src/Core/Calendar/README.md.
/// </summary>
public sealed class ProductionCalendarTests
{
    private static readonly ProductionCalendar Calendar = ProductionCalendar.Create(null);

    [Theory]
    [InlineData("2025-01-01")] // New Year holidays 1–8 Jan
    [InlineData("2025-01-03")]
    [InlineData("2025-01-06")]
    [InlineData("2025-01-08")]
    [InlineData("2025-02-23")] // Sunday holiday, moved to 8 May
    [InlineData("2025-03-08")] // Saturday holiday, moved to 13 Jun
    [InlineData("2025-05-01")]
    [InlineData("2025-05-02")] // from Sat 4 Jan
    [InlineData("2025-05-08")] // from Sun 23 Feb
    [InlineData("2025-05-09")]
    [InlineData("2025-06-12")]
    [InlineData("2025-06-13")] // from Sat 8 Mar
    [InlineData("2025-11-03")] // from Sat 1 Nov
    [InlineData("2025-11-04")]
    [InlineData("2025-12-31")] // from Sun 5 Jan
    public void Days_off_of_2025_are_not_working_days(string date) => Assert.False(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData("2025-11-01")] // Saturday made working by the decree
    [InlineData("2025-01-09")]
    [InlineData("2025-02-24")] // no automatic shift: 23 Feb went to 8 May instead
    [InlineData("2025-03-10")]
    [InlineData("2025-05-05")]
    [InlineData("2025-05-07")]
    [InlineData("2025-05-12")]
    [InlineData("2025-06-16")]
    [InlineData("2025-11-05")]
    [InlineData("2025-12-30")]
    public void Working_days_of_2025_include_the_transferred_Saturday(string date) => Assert.True(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-01-03")]
    [InlineData("2026-01-04")]
    [InlineData("2026-01-05")]
    [InlineData("2026-01-08")]
    [InlineData("2026-01-09")] // from Sat 3 Jan
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    public void New_Year_holidays_2026_are_not_working_days(string date) => Assert.False(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData("2026-02-23")]
    [InlineData("2026-03-08")]
    [InlineData("2026-03-09")] // Sun 8 Mar shifted by Art. 112
    [InlineData("2026-05-01")]
    [InlineData("2026-05-09")]
    [InlineData("2026-05-11")] // Sat 9 May shifted by Art. 112
    [InlineData("2026-06-12")]
    [InlineData("2026-11-04")]
    [InlineData("2026-12-31")] // from Sun 4 Jan
    public void Other_days_off_of_2026_are_not_working_days(string date) => Assert.False(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData("2026-01-12")]
    [InlineData("2026-02-24")]
    [InlineData("2026-03-10")]
    [InlineData("2026-04-30")] // shortened pre-holiday days still count as working days
    [InlineData("2026-05-08")]
    [InlineData("2026-05-12")]
    [InlineData("2026-06-11")]
    [InlineData("2026-11-03")]
    [InlineData("2026-12-30")]
    public void Working_days_of_2026_around_the_holidays(string date) => Assert.True(Calendar.IsWorkingDay(Day.Of(date)));

    [Fact]
    public void The_2026_decree_makes_no_weekend_day_working() => Assert.Empty(Calendar.Year(2026).WorkingDays);

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2027-01-02")] // Saturday: its transfer is not set yet, still a day off
    [InlineData("2027-01-03")]
    [InlineData("2027-01-04")]
    [InlineData("2027-01-07")]
    [InlineData("2027-01-08")]
    [InlineData("2027-02-23")]
    [InlineData("2027-03-08")]
    [InlineData("2027-05-03")] // Sat 1 May shifted by Art. 112
    [InlineData("2027-05-10")] // Sun 9 May shifted by Art. 112
    [InlineData("2027-06-14")] // Sat 12 Jun shifted by Art. 112
    [InlineData("2027-11-04")]
    public void Days_off_of_2027_follow_the_Labour_Code(string date) => Assert.False(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData("2027-01-11")]
    [InlineData("2027-05-04")]
    [InlineData("2027-05-11")]
    [InlineData("2027-06-11")]
    [InlineData("2027-11-05")]
    [InlineData("2027-12-31")] // only a decree could make it a day off
    public void Working_days_of_2027_are_weekdays_the_Labour_Code_leaves_alone(string date) => Assert.True(Calendar.IsWorkingDay(Day.Of(date)));

    [Theory]
    [InlineData(2025, 247, 118)] // the official totals of both decrees
    [InlineData(2026, 247, 118)]
    [InlineData(2027, 249, 116)] // 104 weekend days + 12 weekday holidays, before any decree
    public void Each_year_has_its_published_number_of_working_days(int year, int working, int off)
    {
        Assert.Equal(off, Calendar.NonWorkingDays(year).Count);
        Assert.Equal(working, Calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData(2025, false, "1335")]
    [InlineData(2026, false, "1466")]
    [InlineData(2027, true, "ст. 112 ТК РФ")]
    public void Years_2025_and_2026_are_confirmed_and_2027_is_provisional(int year, bool provisional, string source)
    {
        Assert.Equal(provisional, Calendar.IsProvisional(year));
        Assert.Contains(source, Calendar.Year(year).Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2028-01-03")]
    public void A_date_in_a_year_without_data_throws_naming_the_year(string date)
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(Day.Of(date)));

        Assert.Equal(Day.Of(date).Year, ex.Year);
        Assert.Contains(ex.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains("Calendar:File", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_whether_a_missing_year_is_provisional_throws_too() =>
        Assert.Throws<CalendarYearMissingException>(() => Calendar.IsProvisional(2028));

    [Fact]
    public void The_shipped_years_are_2025_to_2027() => Assert.Equal([2025, 2026, 2027], Calendar.Years.Select(y => y.Year));
}
