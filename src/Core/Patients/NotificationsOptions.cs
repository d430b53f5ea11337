namespace PdBot.Core.Patients;

/// <summary>Configuration section <c>Notifications</c>: where patients' answers go.</summary>
public sealed class NotificationsOptions
{
    /// <summary>The clinic system's URL that receives answers (POST JSON); empty: answers wait in the store.</summary>
    public string CallbackUrl { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of the <c>X-PdBot-Signature</c> header (a secret: environment or an untracked file).</summary>
    public string CallbackSecret { get; set; } = "";

    /// <summary>How long a patient link stays valid.</summary>
    public int LinkDays { get; set; } = 7;
}
