namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 909: the message is too old to edit; send a new one instead.</summary>
public sealed class MessageEditExpiredException : VkApiException
{
    public MessageEditExpiredException()
        : this(null)
    {
    }

    public MessageEditExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageEditExpiredException(string? errorMsg)
        : base(VkErrorCodes.MessageEditExpired, errorMsg)
    {
    }
}
