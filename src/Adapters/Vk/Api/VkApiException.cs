namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// VK answered with an error envelope (or a non-200 HTTP status: <see cref="ErrorCode"/> -1). The message carries
/// the code and VK's error_msg only — never the token or the request parameters VK echoes back.
/// </summary>
public class VkApiException : Exception
{
    public VkApiException()
    {
    }

    public VkApiException(string message)
        : base(message)
    {
    }

    public VkApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VkApiException(int errorCode, string? errorMsg)
        : base($"VK API error {errorCode}: {errorMsg}")
    {
        ErrorCode = errorCode;
        ErrorMsg = errorMsg;
    }

    public int ErrorCode { get; }

    public string? ErrorMsg { get; }

    /// <summary>The HTTP status when VK answered with something other than 200 (then <see cref="ErrorCode"/> is -1).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The typed exception for a VK error code, so callers can catch what they act on (901 → unreachable).</summary>
    internal static VkApiException Create(int errorCode, string? errorMsg) => errorCode switch
    {
        VkErrorCodes.TooManyRequestsPerSecond => new TooManyRequestsException(errorMsg),
        VkErrorCodes.FloodControl => new FloodControlException(errorMsg),
        VkErrorCodes.PublicServerError => new PublicServerErrorException(errorMsg),
        VkErrorCodes.CannotSendBlacklisted => new CannotSendBlacklistedException(errorMsg),
        VkErrorCodes.CannotSendToUserFirstly => new CannotSendToUserFirstlyException(errorMsg),
        VkErrorCodes.CannotSendDuePrivacy => new CannotSendDuePrivacyException(errorMsg),
        VkErrorCodes.MessageEditExpired => new MessageEditExpiredException(errorMsg),
        _ => new VkApiException(errorCode, errorMsg),
    };
}
