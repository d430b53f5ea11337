namespace PdBot.Core.Mailings;

/// <summary>A link button under a mailing message.</summary>
public sealed class MailingLink
{
    public string Label { get; set; } = "";

    /// <summary>An absolute http(s) address.</summary>
    public string Url { get; set; } = "";
}
