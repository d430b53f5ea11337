namespace PdBot.Core.Outbox;

/// <summary>The platform call an <see cref="OutboxMessage"/> stands for.</summary>
public static class OutboxAction
{
    /// <summary>A new message (text and buttons).</summary>
    public const string Send = "send";

    /// <summary>The answer to a press (Telegram answerCallbackQuery, VK sendMessageEventAnswer); Text is the hint, may be empty.</summary>
    public const string Answer = "answer";

    /// <summary>New buttons under an earlier message (the ☐ ↔ ☑ toggle).</summary>
    public const string Edit = "edit";
}
