namespace PdBot.Adapters.Processing;

/// <summary>A platform's pace for messages and edits (answers to presses are not paced: they must come within seconds).</summary>
/// <param name="PerSecondOverall">Calls per second for the whole token (Telegram ≈30, VK 20).</param>
/// <param name="PerChatBurst">Calls one chat may get at once before the per-chat pace applies.</param>
/// <param name="PerChatInterval">The per-chat pace after the burst (Telegram ≈1 s).</param>
/// <param name="AtMostOnce">True: a call interrupted by a crash is not made again (Telegram has no idempotency key); false: it is made again with the same key (VK random_id).</param>
public sealed record SendLimits(int PerSecondOverall, int PerChatBurst, TimeSpan PerChatInterval, bool AtMostOnce);
