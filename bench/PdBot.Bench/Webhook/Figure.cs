namespace PdBot.Bench.Webhook;

/// <summary>One row of the report: the figure, PdBot's value, the anchor measured in the same run, and the ratio or goal.</summary>
internal sealed record Figure(string What, string Value, string Anchor, string Verdict);
