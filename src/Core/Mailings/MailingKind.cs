namespace PdBot.Core.Mailings;

/// <summary>
/// Advertising (38-FZ Art. 18: prior consent, stop on demand) or informational; VK is told which through
/// <c>intent</c> (promo_newsletter / non_promo_newsletter).
/// </summary>
public enum MailingKind
{
    Advertising,
    Informational,
}
