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

    /// <summary>The purpose's term ran out (policy 6.2.9): ended by the retention job, not by the person.</summary>
    Expire,
}
