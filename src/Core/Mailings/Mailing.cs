namespace PdBot.Core.Mailings;

/// <summary>One mailing of the clinic: what it says, to whom (topic, channels), when, and where it is in its life.</summary>
public sealed class Mailing
{
    public long Id { get; set; }

    public string Text { get; set; } = "";

    public List<MailingLink> Links { get; set; } = [];

    /// <summary>The topic id (<see cref="MailingTopic.Id"/>): only people who follow it get the mailing.</summary>
    public string Topic { get; set; } = "";

    /// <summary><see cref="MailingChannels.Vk"/> and/or <see cref="MailingChannels.Telegram"/>.</summary>
    public List<string> Channels { get; set; } = [];

    public MailingKind Kind { get; set; }

    /// <summary>When to start; null: as soon as it is scheduled (and the hours allow).</summary>
    public DateTime? SendAtUtc { get; set; }

    public MailingState State { get; set; } = MailingState.Draft;

    /// <summary>An admin's login, or "api:{key name}".</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>People in the audience when sending began (one ledger row each).</summary>
    public int Recipients { get; set; }

    /// <summary>The last VK call number used (each call's random_id derives from the mailing and this number).</summary>
    public long LastBatch { get; set; }

    /// <summary>SHA-256 of the ledger (<see cref="MailingLedger.Hash"/>), set on completion or cancellation and kept in the audit entry.</summary>
    public string? LedgerHash { get; set; }

    public bool Finished => State is MailingState.Completed or MailingState.Cancelled;
}
