namespace PdBot.Core.Turns;

/// <summary>One turn: the incoming activity and the ways to answer it on its channel.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    BotAdapter Adapter { get; }

    /// <summary>Values middleware hands to the bot for this turn only.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once anything was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>True once the button press of this turn was answered.</summary>
    bool ButtonAnswered { get; }

    /// <summary>Sends a message to the person and returns its platform id.</summary>
    Task<string> SendAsync(BotMessage message, CancellationToken cancellationToken = default);

    /// <summary>Answers the button press (Telegram answerCallbackQuery, VK sendMessageEventAnswer); text is a short hint.</summary>
    Task AnswerButtonAsync(string? hint = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the buttons of a message sent earlier (the ☐ ↔ ☑ toggle).</summary>
    Task UpdateButtonsAsync(string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken = default);
}
