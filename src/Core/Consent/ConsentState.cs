namespace PdBot.Core.Consent;

/// <summary>Where one person's consent to one purpose stands. Persisted and shown to admins.</summary>
public enum ConsentState
{
    NotAsked,

    /// <summary>The prompt with an empty box (☐) was shown.</summary>
    Offered,

    /// <summary>The box is ticked (☑) but «Отправить» was not pressed yet: no consent.</summary>
    Ticked,

    Given,
    Declined,
    Withdrawn,

    /// <summary>Given to a text version that has since been replaced.</summary>
    NeedsRenewal,
}
