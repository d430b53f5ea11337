namespace PdBot.Bench.Mailing;

/// <summary>
/// One recipient who presses «Отписаться» during the run: before their own send (their press must stop it) or under
/// the mailing message they received (the latency to a durable withdrawal is measured).
/// </summary>
internal sealed class Unsubscriber(string channel, long userId, string personId, bool beforeSend, TimeSpan pressAfter)
{
    public string Channel { get; } = channel;

    public long UserId { get; } = userId;

    public string PersonId { get; } = personId;

    public bool BeforeSend { get; } = beforeSend;

    /// <summary>Before-send presses: this long after the start; others: this long after they received the mailing.</summary>
    public TimeSpan PressAfter { get; } = pressAfter;

    public long? PressedAt { get; set; }

    /// <summary>Press → withdrawal seen in the store, ms.</summary>
    public double? LatencyMs { get; set; }

    /// <summary>The consent record's time of the withdrawal (set in the turn, before its commit).</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
}
