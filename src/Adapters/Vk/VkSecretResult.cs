namespace PdBot.Adapters.Vk;

/// <summary>What <see cref="VkSecretScan"/> found in a Callback API body.</summary>
public enum VkSecretResult
{
    /// <summary>The community's secret: the body may be parsed.</summary>
    Matches,

    /// <summary>A different secret, or none: 403, nothing more is read.</summary>
    Wrong,

    /// <summary>Not a JSON object (up to where the scan stopped): 400.</summary>
    Malformed,
}
