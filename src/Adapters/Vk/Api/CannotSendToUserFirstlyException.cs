namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 901: the user has not allowed messages (or pressed deny); unreachable, never retried.</summary>
public sealed class CannotSendToUserFirstlyException : VkApiException
{
    public CannotSendToUserFirstlyException()
        : this(null)
    {
    }

    public CannotSendToUserFirstlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CannotSendToUserFirstlyException(string? errorMsg)
        : base(VkErrorCodes.CannotSendToUserFirstly, errorMsg)
    {
    }
}
