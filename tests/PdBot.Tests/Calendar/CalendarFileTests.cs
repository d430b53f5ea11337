using PdBot.Core.Calendar;

namespace PdBot.Tests.Calendar;

public sealed class CalendarFileTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private ProductionCalendar Load(string json) => ProductionCalendar.Create(CalendarFiles.Write(_tmp, json));

    [Fact]
    public void A_file_can_confirm_2027_and_its_deadlines_lose_the_warning()
    {
        var calendar = Load(CalendarFiles.Confirmed2027);

        Assert.False(calendar.IsProvisional(2027));
        var deadline = calendar.DueAfter(Day.Of("2027-04-29"), 3);
        Assert.Equal(Day.Of("2027-05-05"), deadline.Due);
        Assert.Null(deadline.Warning);
    }

    [Theory]
    [InlineData("2027-11-05", false)]
    [InlineData("2027-11-08", false)]
    [InlineData("2027-11-13", true)] // the file's working Saturday
    [InlineData("2027-12-31", false)]
    [InlineData("2027-11-12", true)]
    public void A_confirmed_2027_uses_the_file_days(string date, bool working) =>
        Assert.Equal(working, Load(CalendarFiles.Confirmed2027).IsWorkingDay(Day.Of(date)));

    [Fact]
    public void A_file_year_replaces_the_shipped_year_entirely()
    {
        var calendar = Load(CalendarFiles.Bare2027And2028);

        // Shipped 2027 had Mon 3 May off; the file lists only 1 Jan, and is not merged with the shipped list.
        Assert.True(calendar.IsWorkingDay(Day.Of("2027-05-03")));
        Assert.False(calendar.IsWorkingDay(Day.Of("2027-01-01")));
    }

    [Fact]
    public void A_file_leaves_the_other_shipped_years_alone()
    {
        var calendar = Load(CalendarFiles.Confirmed2027);

        Assert.True(calendar.IsWorkingDay(Day.Of("2025-11-01")));
        Assert.False(calendar.IsWorkingDay(Day.Of("2026-01-09")));
        Assert.Contains("1466", calendar.Year(2026).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_adds_a_new_year_and_the_warning_names_every_provisional_year()
    {
        var calendar = Load(CalendarFiles.Bare2027And2028);

        // Dec 29, 30, 31 | Sat 1, Sun 2 Jan | 3–7 Jan off (file) | Sat 8, Sun 9 | Mon 10, Tue 11
        var deadline = calendar.DueAfter(Day.Of("2027-12-28"), 5);

        Assert.Equal(Day.Of("2028-01-11"), deadline.Due);
        Assert.Contains("2027, 2028", deadline.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": false, "source": "x", "holidays": ["2028-01-01"] } ] }""", "2028-01-01 (сб) выходной день")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": false, "source": "x", "workingDays": ["2028-01-03"] } ] }""", "2028-01-03 (пн) не суббота и не воскресенье")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": false, "source": "x", "holidays": ["2027-12-31"] } ] }""", "не относится к 2028 году")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": false, "source": "x", "holidays": ["2028-01-03", "2028-01-03"] } ] }""", "указана дважды")]
    [InlineData("""{ "years": [ { "year": 2028, "source": "x", "holidays": [] } ] }""", "\"provisional\"")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": true, "holidays": [] } ] }""", "\"source\"")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": true, "source": "x", "holiday": [] } ] }""", "holiday")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": true, "source": "x", "holidays": ["2028-13-01"] } ] }""", "файле календаря")]
    [InlineData("""{ "years": [] }""", "нет списка \"years\"")]
    [InlineData("""{ "years": [ { "year": 2028, "provisional": true, "source": "x" }, { "year": 2028, "provisional": true, "source": "y" } ] }""", "указан дважды")]
    [InlineData("not json", "файле календаря")]
    public void A_doubtful_file_is_refused_with_a_clear_message(string json, string expected)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Load(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var path = _tmp.File("nowhere.json");

        var ex = Assert.Throws<InvalidOperationException>(() => ProductionCalendar.Create(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_file_means_the_shipped_years(string? file) =>
        Assert.Equal([2025, 2026, 2027], ProductionCalendar.Create(file).Years.Select(y => y.Year));
}
