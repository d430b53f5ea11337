namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 10: VK's internal error; retried with the same parameters (same random_id, so no double send).</summary>
public sealed class PublicServerErrorException : VkApiException
{
    public PublicServerErrorException()
        : this(null)
    {
    }

    public PublicServerErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PublicServerErrorException(string? errorMsg)
        : base(VkErrorCodes.PublicServerError, errorMsg)
    {
    }
}
