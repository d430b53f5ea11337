namespace PdBot.Core.Consent;

/// <summary>Configuration section <c>Consent</c>: which purpose is asked first and which one is the mailing.</summary>
public sealed class ConsentOptions
{
    /// <summary>The purpose whose prompt a new person sees before anything else.</summary>
    public string DefaultPurpose { get; set; } = "mailing";

    /// <summary>The purpose «Отписаться», «Отказаться», «Не беспокоить» and /stop withdraw.</summary>
    public string MailingPurpose { get; set; } = "mailing";

    /// <summary>The free consultation request (policy 2.3.1): its consent opens the request form. Not configured: no form.</summary>
    public string ConsultationPurpose { get; set; } = "consultation";

    /// <summary>Publishing reviews, data permitted for distribution (policy 5.3): its consent opens the review form.</summary>
    public string ReviewPurpose { get; set; } = "review";

    /// <summary>Messaging with patients (policy 2.3.2): notifications from the clinic's systems need it.</summary>
    public string PatientPurpose { get; set; } = "patient";
}
