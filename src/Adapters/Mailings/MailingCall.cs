using PdBot.Core.Mailings;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Mailings;

/// <summary>One platform call of a mailing: the message (<see cref="MailingMessage.Build"/>), its kind, its chats.</summary>
/// <param name="RandomId">VK's de-duplication key of the call (the same on a resend); unused by Telegram.</param>
public sealed record MailingCall(BotMessage Message, MailingKind Kind, IReadOnlyList<string> ChatIds, long RandomId);
