namespace PdBot.Adapters.Vk.Api;

/// <summary>Error 9: too many identical actions; the client retries it after a longer pause.</summary>
public sealed class FloodControlException : VkApiException
{
    public FloodControlException()
        : this(null)
    {
    }

    public FloodControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FloodControlException(string? errorMsg)
        : base(VkErrorCodes.FloodControl, errorMsg)
    {
    }
}
