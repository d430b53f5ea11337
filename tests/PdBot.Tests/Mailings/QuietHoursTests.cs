using PdBot.Core.Mailings;

namespace PdBot.Tests.Mailings;

public sealed class QuietHoursTests
{
    // Moscow is UTC+3 all year.
    private static DateTimeOffset Moscow(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(3));

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(20, 59, true)]
    [InlineData(21, 0, false)]
    [InlineData(3, 0, false)]
    public void Default_window_allows_sending_from_nine_to_nine_clinic_time(int hour, int minute, bool allowed) =>
        Assert.Equal(allowed, QuietHours.Parse("09:00-21:00").Allows(Moscow(1, hour, minute)));

    [Fact]
    public void Outside_the_window_the_next_opening_is_nine_the_same_or_next_morning()
    {
        var hours = QuietHours.Parse("09:00–21:00");
        Assert.Equal(Moscow(2, 9), hours.NextAllowed(Moscow(1, 22, 30)));
        Assert.Equal(Moscow(1, 9), hours.NextAllowed(Moscow(1, 6)));
        Assert.Equal(Moscow(1, 12), hours.NextAllowed(Moscow(1, 12)));
    }

    [Fact]
    public void A_window_across_midnight_is_allowed_on_both_sides()
    {
        var hours = QuietHours.Parse("20:00-08:00");
        Assert.True(hours.Allows(Moscow(1, 23)));
        Assert.True(hours.Allows(Moscow(1, 7)));
        Assert.False(hours.Allows(Moscow(1, 12)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9-21")]
    [InlineData("09:00-09:00")]
    [InlineData("25:00-21:00")]
    public void A_malformed_setting_is_refused_with_the_expected_shape(string text)
    {
        var ex = Assert.Throws<FormatException>(() => QuietHours.Parse(text));
        Assert.Contains("09:00-21:00", ex.Message, StringComparison.Ordinal);
    }
}
