namespace PdBot.Adapters.Vk.Api;

/// <summary>How to reach the VK API for one community. The base URL is configurable so tests (and a proxy) can stand in for VK.</summary>
public sealed class VkApiOptions
{
    /// <summary>The community access token; sent as the access_token form field, never logged or put in exception messages.</summary>
    public string AccessToken { get; set; } = "";

    public ulong GroupId { get; set; }

    /// <summary>5.199 is the version VK's own schema describes; VkNet's default (5.131) is older.</summary>
    public string ApiVersion { get; set; } = "5.199";

#pragma warning disable CA1056 // a string: it is bound from configuration and only ever concatenated with a method name
    public string BaseUrl { get; set; } = "https://api.vk.com/method/";
#pragma warning restore CA1056

    /// <summary>VK allows a community token 20 requests per second.</summary>
    public int RequestsPerSecond { get; set; } = 20;
}
