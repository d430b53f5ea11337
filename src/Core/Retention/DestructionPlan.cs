using PdBot.Core.Consent;

namespace PdBot.Core.Retention;

/// <summary>
/// What <see cref="DestructionRules"/> decided for one request: which consents are withdrawn, what is destroyed,
/// what is kept and on which basis.
/// </summary>
public sealed record DestructionPlan(
    RetentionDecisionKind Kind,
    IReadOnlyList<PurposeOptions> Withdraw,
    IReadOnlyList<PurposeOptions> KeptFor,
    IReadOnlyList<string> Destroyed,
    bool ErasesIdentifiers)
{
    /// <summary>The titles of the purposes whose basis keeps the data, for answers and the preview.</summary>
    public string KeptBases => string.Join("», «", KeptFor.Select(p => p.Title));
}
