namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 902: the user's privacy settings forbid messages; unreachable.</summary>
public sealed class CannotSendDuePrivacyException : VkApiException
{
    public CannotSendDuePrivacyException()
        : this(null)
    {
    }

    public CannotSendDuePrivacyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CannotSendDuePrivacyException(string? errorMsg)
        : base(VkErrorCodes.CannotSendDuePrivacy, errorMsg)
    {
    }
}
