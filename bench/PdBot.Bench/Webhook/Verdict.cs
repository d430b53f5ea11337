namespace PdBot.Bench.Webhook;

/// <summary>The mark after a goal, so a reader sees at a glance which goals the current code meets.</summary>
internal static class Verdict
{
    public static string Of(bool met) => met ? "MET" : "MISSED";
}
