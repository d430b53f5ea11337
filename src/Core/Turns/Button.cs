namespace PdBot.Core.Turns;

/// <summary>A button under a bot message: what it says and what pressing it sends back.</summary>
public sealed record Button(string Label, string Payload);
