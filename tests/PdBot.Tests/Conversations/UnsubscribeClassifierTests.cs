using System.Globalization;
using PdBot.Bot.Conversation.Unsubscribe;
using Xunit.Abstractions;

namespace PdBot.Tests.Conversations;

public sealed class UnsubscribeClassifierTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(UnsubscribePhrasings.Rows), MemberType = typeof(UnsubscribePhrasings))]
    public void Each_phrasing_in_the_table_is_classified_as_the_table_says(string phrase, StopIntent expected) =>
        Assert.Equal(expected, StopIntentClassifier.Classify(phrase));

    [Fact]
    public void Every_demand_to_stop_in_the_table_is_caught_and_few_other_messages_unsubscribe()
    {
        var rows = UnsubscribePhrasings.All.Select(r => (r.Phrase, r.Expected, Got: StopIntentClassifier.Classify(r.Phrase))).ToList();
        var mustStop = rows.Where(r => r.Expected == StopIntent.Unsubscribe).ToList();
        var unsubscribed = rows.Where(r => r.Got == StopIntent.Unsubscribe).ToList();

        // Recall counts «ask» as caught: the person gets «Отписаться от рассылки?» and one press stops the mailing.
        var recall = Ratio(mustStop.Count(r => r.Got != StopIntent.None), mustStop.Count);
        var strictRecall = Ratio(mustStop.Count(r => r.Got == StopIntent.Unsubscribe), mustStop.Count);
        var precision = Ratio(unsubscribed.Count(r => r.Expected == StopIntent.Unsubscribe), unsubscribed.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {rows.Count} (must stop {mustStop.Count}, ask {rows.Count(r => r.Expected == StopIntent.Ask)}, none {rows.Count(r => r.Expected == StopIntent.None)})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall (ask counts as caught) {recall:F3}, strict recall {strictRecall:F3}, precision {precision:F3}"));
        foreach (var miss in rows.Where(r => r.Got != r.Expected))
        {
            output.WriteLine($"  {miss.Phrase}: expected {miss.Expected}, got {miss.Got}");
        }

        Assert.True(rows.Count >= 60, "the table keeps at least 60 phrasings");
        Assert.Equal(1.0, recall);
        Assert.True(precision >= 0.95, $"precision {precision}");
    }

    [Theory]
    [InlineData("не\u00A0беспокоить")]
    [InlineData("не\r\nбеспокоить")]
    [InlineData("  НЕ\tБЕСПОКОИТЬ!!! ")]
    [InlineData("не\u200Bбеспокоить\u00A0🙏")]
    [InlineData("«Не беспокоить»")]
    [InlineData("ｓｔｏｐ")]
    [InlineData("/stop@ClinicBot")]
    [InlineData("Отпи\u0063аться")]
    public void Spacing_case_quotes_emoji_and_lookalike_letters_do_not_hide_a_stop(string text) =>
        Assert.Equal(StopIntent.Unsubscribe, StopIntentClassifier.Classify(text));

    private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;
}
