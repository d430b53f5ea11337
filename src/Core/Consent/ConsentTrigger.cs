namespace PdBot.Core.Consent;

/// <summary>What can happen to a consent. Public only so the transition-table test can name them.</summary>
public enum ConsentTrigger
{
    Offer,
    Tick,
    Untick,
    Submit,
    Decline,
    Withdraw,
    TextChanged,
}
