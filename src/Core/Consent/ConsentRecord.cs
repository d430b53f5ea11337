namespace PdBot.Core.Consent;

/// <summary>One person's consent to one purpose: the machine's state plus what proves how it got there.</summary>
public sealed class ConsentRecord
{
    /// <summary>"{personId}/{purposeId}".</summary>
    public string Id { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string PurposeId { get; set; } = "";

    public ConsentState State { get; set; } = ConsentState.NotAsked;

    /// <summary>The text version offered or agreed to.</summary>
    public int TextVersion { get; set; }

    /// <summary>SHA-256 (hex) of the exact text offered or agreed to.</summary>
    public string TextHash { get; set; } = "";

    /// <summary>Buttons pressed since the prompt was shown (e.g. tick, untick, tick, submit).</summary>
    public List<string> Buttons { get; set; } = [];

    public DateTime? GivenAtUtc { get; set; }

    /// <summary>Mailing consent only: the topics the person follows (<c>Mailings:Topics</c> ids); null — every topic.</summary>
    public List<string>? Topics { get; set; }

    /// <summary>Where the person came from when they gave this consent (a subscription link's source), if known.</summary>
    public string? Source { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public static string MakeId(string personId, string purposeId) => $"{personId}/{purposeId}";
}
