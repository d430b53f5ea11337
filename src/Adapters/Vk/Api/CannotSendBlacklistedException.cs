namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 900: the user blacklisted the community; the recipient is unreachable.</summary>
public sealed class CannotSendBlacklistedException : VkApiException
{
    public CannotSendBlacklistedException()
        : this(null)
    {
    }

    public CannotSendBlacklistedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CannotSendBlacklistedException(string? errorMsg)
        : base(VkErrorCodes.CannotSendBlacklisted, errorMsg)
    {
    }
}
