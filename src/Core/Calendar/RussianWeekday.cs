namespace PdBot.Core.Calendar;

/// <summary>Day-of-week abbreviations as Russian calendars print them (пн, вт…).</summary>
public static class RussianWeekday
{
    private static readonly string[] Names = ["вс", "пн", "вт", "ср", "чт", "пт", "сб"];

    public static string Abbreviation(DateOnly day) => Names[(int)day.DayOfWeek];
}
