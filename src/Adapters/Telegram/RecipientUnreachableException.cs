namespace PdBot.Adapters.Telegram;

/// <summary>Telegram refused a send with 403: the person blocked the bot or deleted their account.</summary>
public sealed class RecipientUnreachableException : Exception
{
    public RecipientUnreachableException()
    {
    }

    public RecipientUnreachableException(string message)
        : base(message)
    {
    }

    public RecipientUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
