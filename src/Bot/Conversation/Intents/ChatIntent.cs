namespace PdBot.Bot.Conversation.Intents;

/// <summary>What a typed message is about, as far as the bot routes it (see <see cref="ChatIntents"/>).</summary>
public enum ChatIntent
{
    /// <summary>Nothing the bot handles itself: it goes to the operator inbox.</summary>
    None,

    /// <summary>A greeting or /start: the first prompt (the link's purpose, else the mailing offer).</summary>
    Start,

    /// <summary>«оператор», «человек», «позовите администратора»: a person should answer.</summary>
    Operator,

    /// <summary>«записаться», «консультация», «приём»: the consultation request (its consent first).</summary>
    Booking,

    /// <summary>«перенести приём», «отменить запись»: a patient's appointment, for the clinic's staff and systems.</summary>
    Appointment,

    /// <summary>«оставить отзыв»: the review form (its separate consent first).</summary>
    Review,

    /// <summary>«мои данные утекли», «утечка данных»: the violation report (no consent needed).</summary>
    Violation,
}
