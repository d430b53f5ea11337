namespace PdBot.Core.Consent;

/// <summary>
/// How long a purpose's consent and data last, machine-readable (policy 6.2.9): <see cref="PurposeOptions.RetentionDays"/>
/// set means a term in days; otherwise until the consent is withdrawn, or for as long as the contract with the person lasts.
/// </summary>
public enum PurposeTerm
{
    /// <summary>Until the person withdraws the consent (mailings, reviews).</summary>
    UntilWithdrawn,

    /// <summary>A fixed number of days (<see cref="PurposeOptions.RetentionDays"/>): the retention job ends the consent and destroys the data.</summary>
    Days,

    /// <summary>For the term of the contract with the person (patients, policy 5.2.2, 6.2.16).</summary>
    Contract,
}
