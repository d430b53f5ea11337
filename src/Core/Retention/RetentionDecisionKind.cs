namespace PdBot.Core.Retention;

/// <summary>What the retention job does with one due withdrawal (or an approved destruction).</summary>
public enum RetentionDecisionKind
{
    /// <summary>Nothing else needs the data: they are destroyed, the person's identifiers erased.</summary>
    Destroy,

    /// <summary>Another basis (a consent in force, a contract) needs the data: they stay, blocked for the withdrawn purpose.</summary>
    Block,

    /// <summary>The person gave the consent again: nothing is destroyed, the withdrawal is closed.</summary>
    Supersede,

    /// <summary>A take-down from someone who never gave the review consent: nothing to destroy.</summary>
    NoConsent,
}
