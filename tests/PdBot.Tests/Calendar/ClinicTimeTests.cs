using Microsoft.Extensions.Time.Testing;
using PdBot.Core.Calendar;

namespace PdBot.Tests.Calendar;

public sealed class ClinicTimeTests
{
    [Fact]
    public void The_Moscow_zone_comes_from_the_system_at_UTC_plus_3()
    {
        Assert.Equal("Europe/Moscow", ClinicTime.Zone.Id);
        Assert.Equal(TimeSpan.FromHours(3), ClinicTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(3), ClinicTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2025-12-31T21:30:00Z", "2026-01-01")] // New Year in Moscow, still 31 Dec in UTC
    [InlineData("2025-12-31T20:59:59Z", "2025-12-31")]
    [InlineData("2026-04-30T21:00:00Z", "2026-05-01")]
    public void A_stored_UTC_instant_falls_on_the_Moscow_date(string instant, string date) =>
        Assert.Equal(Day.Of(date), ClinicTime.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Today_is_the_clinic_date_of_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 30, 22, 15, 0, TimeSpan.Zero));

        Assert.Equal(Day.Of("2026-05-01"), ClinicTime.Today(time));
    }

    [Fact]
    public void A_day_starts_at_Moscow_midnight_and_ends_a_millisecond_before_the_next()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 19, 21, 0, 0, TimeSpan.Zero), ClinicTime.StartOfDayUtc(Day.Of("2026-01-20")));
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 20, 59, 59, 999, TimeSpan.Zero), ClinicTime.EndOfDayUtc(Day.Of("2026-01-20")));
        Assert.Equal(Day.Of("2026-01-20"), ClinicTime.LocalDate(ClinicTime.EndOfDayUtc(Day.Of("2026-01-20"))));
    }
}
