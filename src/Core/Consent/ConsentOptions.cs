namespace PdBot.Core.Consent;

/// <summary>Configuration section <c>Consent</c>: which purpose is asked first and which one is the mailing.</summary>
public sealed class ConsentOptions
{
    /// <summary>The purpose whose prompt a new person sees before anything else.</summary>
    public string DefaultPurpose { get; set; } = "mailing";

    /// <summary>The purpose «Отписаться», «Отказаться», «Не беспокоить» and /stop withdraw.</summary>
    public string MailingPurpose { get; set; } = "mailing";
}
