namespace PdBot.Core.Mailings;

/// <summary>A subscription group («Акции», «Новости клиники»…) a person may follow inside the mailing consent.</summary>
public sealed class MailingTopic
{
    /// <summary>Stable id ("promo"): stored in consent records and mailings.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the person and the console read.</summary>
    public string Title { get; set; } = "";
}
