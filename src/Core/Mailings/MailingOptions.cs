namespace PdBot.Core.Mailings;

/// <summary>The <c>Mailings</c> section of appsettings.json.</summary>
public sealed class MailingOptions
{
    /// <summary>Clinic-local hours when mailings may be sent, "09:00-21:00" (see <see cref="Mailings.QuietHours"/>).</summary>
    public string QuietHours { get; set; } = "09:00-21:00";

    /// <summary>Four-eyes: a mailing composed by an operator goes out only after an admin approves it.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Subscription groups people can follow inside the mailing consent.</summary>
    public List<MailingTopic> Topics { get; set; } = [];

    /// <summary>The topic with this id or, as people and other systems may write it, this title (case ignored).</summary>
    public MailingTopic? FindTopic(string? idOrTitle)
    {
        var wanted = idOrTitle?.Trim().Trim('«', '»', '"');
        return string.IsNullOrEmpty(wanted) ? null
            : Topics.FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.Ordinal))
            ?? Topics.FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Title, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
