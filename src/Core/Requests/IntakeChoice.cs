namespace PdBot.Core.Requests;

/// <summary>One answer to a question asked with buttons: the stable value a button sends and the Russian label it shows.</summary>
public sealed record IntakeChoice(string Value, string Label);
