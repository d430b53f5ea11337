namespace PdBot.Tests.Admin.Console;

/// <summary>A test that refreshes a picture under docs/: it runs only when PDBOT_SCREENSHOT=1 (the picture is committed).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "PDBOT_SCREENSHOT";

    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Refreshes docs/ screenshots: set {Variable}=1 to run it.";
        }
    }
}
