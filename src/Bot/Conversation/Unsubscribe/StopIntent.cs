namespace PdBot.Bot.Conversation.Unsubscribe;

/// <summary>What a message says about stopping the mailing.</summary>
public enum StopIntent
{
    /// <summary>Nothing about stopping.</summary>
    None,

    /// <summary>Probably a demand to stop, but not certain: ask «Отписаться от рассылки?» once.</summary>
    Ask,

    /// <summary>A demand to stop (policy 5.2.1 «Отписаться, Отказаться, Не беспокоить и иным подобным»): stop at once.</summary>
    Unsubscribe,
}
