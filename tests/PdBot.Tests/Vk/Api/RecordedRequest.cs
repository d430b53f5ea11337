namespace PdBot.Tests.Vk.Api;

/// <summary>One request the fake VK received, with its form body decoded.</summary>
public sealed record RecordedRequest(Uri Uri, string? MediaType, string Body)
{
    public IReadOnlyDictionary<string, string> Form { get; } = Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(kv => Decode(kv[0]), kv => kv.Length > 1 ? Decode(kv[1]) : "");

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
