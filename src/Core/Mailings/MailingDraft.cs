namespace PdBot.Core.Mailings;

/// <summary>What the console or the API asks to send; checked by <see cref="MailingService.Check"/>.</summary>
public sealed record MailingDraft(
    string Text,
    string Topic,
    IReadOnlyList<string> Channels,
    MailingKind Kind,
    DateTimeOffset? SendAt,
    IReadOnlyList<MailingLink> Links);
