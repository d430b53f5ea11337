using PdBot.Core.Labels;

namespace PdBot.Bot.Admin.Requests;

/// <summary>The colour of the days left on the console's request pages (their words come from <see cref="RussianLabels"/>).</summary>
public static class RequestLabels
{
    /// <summary>At most this many working days left is "due soon" — the same threshold as the home page's card.</summary>
    public const int SoonWorkingDays = 2;

    /// <summary>The badge colour: green with time to spare, amber when due within two working days, red when overdue.</summary>
    public static string DaysClass(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => "days-red",
        <= SoonWorkingDays => "days-amber",
        _ => "days-ok",
    };
}
