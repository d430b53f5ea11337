namespace PdBot.Tests.Processing;

/// <summary>One platform call as <see cref="TimedClient"/> saw it: to which chat, what, and when on the test clock.</summary>
public sealed record TimedCall(string ChatId, string Action, string Text, DateTimeOffset At);
