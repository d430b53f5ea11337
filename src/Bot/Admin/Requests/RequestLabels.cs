using PdBot.Core.Labels;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Requests;

/// <summary>The console's request labels (from <see cref="RussianLabels"/>, the one table) and the colour of the days left.</summary>
public static class RequestLabels
{
    /// <summary>At most this many working days left is "due soon" — the same threshold as the home page's card.</summary>
    public const int SoonWorkingDays = 2;

    public static string State(RequestState state) => RussianLabels.State(state);

    public static string Action(string action) => RussianLabels.Action(action);

    /// <summary>The operator's actions, as the buttons name them.</summary>
    public static string Trigger(RequestTrigger trigger) => RussianLabels.Trigger(trigger);

    /// <summary>The badge colour: green with time to spare, amber when due within two working days, red when overdue.</summary>
    public static string DaysClass(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => "days-red",
        <= SoonWorkingDays => "days-amber",
        _ => "days-ok",
    };

    public static string YesNo(bool value) => RussianLabels.YesNo(value);
}
