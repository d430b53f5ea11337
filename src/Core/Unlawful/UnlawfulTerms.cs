namespace PdBot.Core.Unlawful;

/// <summary>The terms of policy 6.2.8 and 6.2.11 (152-FZ Art. 21 parts 3 and 6): fixed by law, not configuration.</summary>
public static class UnlawfulTerms
{
    public const int StopWorkingDays = 3;

    public const int DestroyWorkingDays = 10;

    public const int BlockedMonths = 6;
}
