namespace PdBot.Core.Authority;

/// <summary>The terms of policy 1.3.2 (152-FZ Art. 20 part 4): fixed by law, not configuration.</summary>
public static class AuthorityTerms
{
    public const int AnswerWorkingDays = 10;

    public const int MaxExtensionWorkingDays = 5;

    public const string PolicyClause = "1.3.2";
}
