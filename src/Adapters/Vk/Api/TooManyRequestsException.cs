namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 6: more than 20 requests per second; the client retries it after a pause.</summary>
public sealed class TooManyRequestsException : VkApiException
{
    public TooManyRequestsException()
        : this(null)
    {
    }

    public TooManyRequestsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TooManyRequestsException(string? errorMsg)
        : base(VkErrorCodes.TooManyRequestsPerSecond, errorMsg)
    {
    }
}
