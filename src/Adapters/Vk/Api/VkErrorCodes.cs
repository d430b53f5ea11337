namespace PdBot.Adapters.Vk.Api;

/// <summary>The VK error codes this client acts on (names after VkNet's VkErrorCode).</summary>
public static class VkErrorCodes
{
    public const int Unknown = 1;
    public const int TooManyRequestsPerSecond = 6;
    public const int FloodControl = 9;
    public const int PublicServerError = 10;
    public const int CannotSendBlacklisted = 900;
    public const int CannotSendToUserFirstly = 901;
    public const int CannotSendDuePrivacy = 902;
    public const int MessageEditExpired = 909;
}
