using PdBot.Tests.Cli;

namespace PdBot.Tests.Calendar;

/// <summary><c>pdbot calendar due|show</c> through the real command line, in-process.</summary>
public sealed class CalendarVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("2026-01-01", "10", "2026-01-23")]
    [InlineData("2025-12-25", "10", "2026-01-20")]
    [InlineData("2025-10-31", "1", "2025-11-01")]
    public async Task Due_prints_the_ISO_date_alone_on_the_first_line(string from, string days, string due)
    {
        var (code, output, error) = await CliRunner.RunAsync("calendar", "due", "--from", from, "--working-days", days);

        Assert.Equal(0, code);
        Assert.Equal(due, Lines(output)[0]);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Due_in_2027_prints_the_date_and_warns_on_standard_error()
    {
        var (code, output, error) = await CliRunner.RunAsync("calendar", "due", "--from", "2026-12-25", "--working-days", "10");

        Assert.Equal(0, code);
        Assert.Equal("2027-01-19", Lines(output)[0]);
        Assert.Contains("2027", error, StringComparison.Ordinal);
        Assert.Contains("предварительный", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_into_a_year_without_data_fails_with_one_line()
    {
        var (code, output, error) = await CliRunner.RunAsync("calendar", "due", "--from", "2027-12-28", "--working-days", "5");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("pdbot: ", error, StringComparison.Ordinal);
        Assert.Contains("2028", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Theory]
    [InlineData("2026-02-30", "5", "--from")]
    [InlineData("01.03.2026", "5", "--from")]
    [InlineData("2026-03-02", "ten", "--working-days")]
    [InlineData("2026-03-02", "0", "--working-days")]
    public async Task Due_refuses_a_bad_date_or_number(string from, string days, string named)
    {
        var (code, _, error) = await CliRunner.RunAsync("calendar", "due", "--from", from, "--working-days", days);

        Assert.Equal(2, code);
        Assert.StartsWith("pdbot: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_without_options_says_what_it_needs()
    {
        var (code, _, error) = await CliRunner.RunAsync("calendar", "due");

        Assert.Equal(2, code);
        Assert.Contains("--from ГГГГ-ММ-ДД", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_reads_a_calendar_file_that_confirms_2027()
    {
        var file = CalendarFiles.Write(_tmp, CalendarFiles.Confirmed2027);

        var (code, output, error) = await CliRunner.RunAsync("calendar", "due", "--from", "2027-04-29", "--working-days", "3", "--Calendar:File", file);

        Assert.Equal(0, code);
        Assert.Equal("2027-05-05", Lines(output)[0]);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Show_lists_the_days_off_and_the_working_Saturday_of_2025()
    {
        var (code, output, _) = await CliRunner.RunAsync("calendar", "show", "2025");

        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.StartsWith("# 2025: утверждён", lines[0], StringComparison.Ordinal);
        Assert.Contains("1335", lines[0], StringComparison.Ordinal);
        var days = lines.Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(118 + 1, days.Count);
        Assert.All(days, l => Assert.Matches(@"^2025-\d\d-\d\d  ", l));
        Assert.Contains("2025-05-02  пт  праздник или перенесённый выходной", days);
        Assert.Contains("2025-02-23  вс  выходной", days);
        Assert.Contains("2025-11-01  сб  рабочий выходной (перенос)", days);
        Assert.DoesNotContain(days, l => l.StartsWith("2025-02-24", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_marks_2027_provisional()
    {
        var (code, output, _) = await CliRunner.RunAsync("calendar", "show", "2027");

        Assert.Equal(0, code);
        Assert.StartsWith("# 2027: ПРЕДВАРИТЕЛЬНЫЙ", output, StringComparison.Ordinal);
        Assert.Contains("2027-05-10  пн  праздник или перенесённый выходной", Lines(output));
    }

    [Fact]
    public async Task Show_of_2027_from_a_file_is_confirmed()
    {
        var file = CalendarFiles.Write(_tmp, CalendarFiles.Confirmed2027);

        var (code, output, _) = await CliRunner.RunAsync("calendar", "show", "2027", "--Calendar:File", file);

        Assert.Equal(0, code);
        Assert.StartsWith("# 2027: утверждён, Test Decree No. 0", output, StringComparison.Ordinal);
        Assert.Contains("2027-11-13  сб  рабочий выходной (перенос)", Lines(output));
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2028")]
    [InlineData("next")]
    public async Task Show_of_a_year_without_data_fails_with_one_line(string year)
    {
        var (code, output, error) = await CliRunner.RunAsync("calendar", "show", year);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("pdbot: ", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public async Task A_broken_calendar_file_fails_with_one_line()
    {
        var file = CalendarFiles.Write(_tmp, """{ "years": [ { "year": 2028, "provisional": true, "source": "x", "holidays": ["2028-01-01"] } ] }""");

        var (code, _, error) = await CliRunner.RunAsync("calendar", "due", "--from", "2026-03-02", "--working-days", "1", "--Calendar:File", file);

        Assert.Equal(2, code);
        Assert.StartsWith("pdbot: ", error, StringComparison.Ordinal);
        Assert.Contains("2028-01-01", error, StringComparison.Ordinal);
    }
}
