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

    public MailingTopic? FindTopic(string? id) => Topics.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}
