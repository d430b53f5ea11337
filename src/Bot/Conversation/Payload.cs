namespace PdBot.Bot.Conversation;

/// <summary>What a button sends back: "action" or "action:purposeId".</summary>
public sealed record Payload(string Action, string? PurposeId = null)
{
    public const string Tick = "tick";
    public const string Untick = "untick";
    public const string Submit = "submit";
    public const string Offer = "offer";
    public const string Withdraw = "withdraw";
    public const string Unsubscribe = "unsubscribe";
    public const string MyData = "mydata";
    public const string Menu = "menu";

    public override string ToString() => PurposeId is null ? Action : $"{Action}:{PurposeId}";

    public static Payload? Parse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        var parts = payload.Split(':', 2);
        return new Payload(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }
}
