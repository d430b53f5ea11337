namespace PdBot.Core.Requests;

/// <summary>
/// The term for one request type: what the clinic's policy promises and what the law allows.
/// The shorter one is used; a policy longer than the law is reported (see <see cref="DeadlineTable"/>).
/// </summary>
public sealed class DeadlineRule
{
    /// <summary>The policy's term (configurable).</summary>
    public int Days { get; set; }

    /// <summary>Working days (production calendar) or calendar days.</summary>
    public bool WorkingDays { get; set; } = true;

    public string PolicyClause { get; set; } = "";

    /// <summary>The law's maximum; fixed in code, not configuration.</summary>
    public int LegalDays { get; set; }

    public bool LegalWorkingDays { get; set; } = true;

    public string LegalSource { get; set; } = "";

    /// <summary>Whether the law lets the term be extended once by at most 5 working days with a reasoned notice.</summary>
    public bool Extendable { get; set; }

    /// <summary>A policy term longer than the law's, where both count the same kind of days.</summary>
    public bool PolicyExceedsLaw => WorkingDays == LegalWorkingDays && Days > LegalDays;
}
