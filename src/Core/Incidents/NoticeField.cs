namespace PdBot.Core.Incidents;

/// <summary>One item of a notice to Roskomnadzor: the form's wording and the incident's answer.</summary>
public sealed record NoticeField(string Label, string Value)
{
    /// <summary>What an empty answer reads as: the operator sees what is still missing.</summary>
    public const string Missing = "не указано";

    public bool IsMissing => Value == Missing;
}
