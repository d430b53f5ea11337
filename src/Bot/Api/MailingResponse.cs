using System.ComponentModel;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Api;

/// <summary>A mailing as the API returns it.</summary>
public sealed record MailingResponse(
    long Id,
    [property: Description("Draft, AwaitingApproval, Scheduled, Sending, Paused, Completed или Cancelled.")] string State,
    [property: Description("Состояние по-русски.")] string StateTitle,
    [property: Description("Ждёт одобрения администратора (Mailings:RequireApproval).")] bool AwaitingApproval,
    string Topic,
    IReadOnlyList<string> Channels,
    [property: Description("advertising или informational.")] string Kind,
    DateTimeOffset? SendAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    MailingStatistics Statistics)
{
    public static MailingResponse From(Mailing mailing, MailingStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(statistics);
        return new MailingResponse(
            mailing.Id,
            mailing.State.ToString(),
            MailingService.StateTitle(mailing.State),
            mailing.State == MailingState.AwaitingApproval,
            mailing.Topic,
            mailing.Channels,
            MailingKinds.Name(mailing.Kind),
            Utc(mailing.SendAtUtc),
            Utc(mailing.CreatedAtUtc),
            Utc(mailing.StartedAtUtc),
            Utc(mailing.FinishedAtUtc),
            statistics);
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? utc) => utc is { } t ? Utc(t) : null;
}
