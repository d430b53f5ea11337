namespace PdBot.Core.Reviews;

/// <summary>The person's answers that move <see cref="ReviewFormMachine"/>.</summary>
public enum ReviewFormTrigger
{
    CleanText,
    HealthText,
    Fix,
    Keep,
    SignWithName,
    Anonymous,
    NameGiven,
}
