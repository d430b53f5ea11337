namespace PdBot.Core.Requests;

/// <summary>
/// The term of every request type. Defaults come from the law and the clinic's policy
/// (see README in this folder); configuration <c>Requests:PolicyDays:{Type}</c> sets the policy term; the law's term wins when shorter.
/// </summary>
public sealed class DeadlineTable
{
    public const int MaxExtensionWorkingDays = 5;

    private readonly Dictionary<RequestType, DeadlineRule> _rules;

    public DeadlineTable(IReadOnlyDictionary<RequestType, int>? policyDaysOverrides = null)
    {
        _rules = Defaults();
        foreach (var (type, days) in policyDaysOverrides ?? new Dictionary<RequestType, int>())
        {
            _rules[type].Days = days;
        }
    }

    public DeadlineRule this[RequestType type] => _rules[type];

    public IReadOnlyDictionary<RequestType, DeadlineRule> Rules => _rules;

    /// <summary>Types whose policy term is longer than the law allows: the law's term is used instead.</summary>
    public IEnumerable<string> PolicyConflicts() =>
        _rules.Where(r => r.Value.PolicyExceedsLaw).Select(r =>
            $"policy clause {r.Value.PolicyClause} promises {r.Value.Days} days for {r.Key}, the law allows {r.Value.LegalDays} ({r.Value.LegalSource}): using {r.Value.LegalDays}");

    private static Dictionary<RequestType, DeadlineRule> Defaults() => new()
    {
        [RequestType.Access] = new() { Days = 10, LegalDays = 10, Extendable = true, PolicyClause = "6.1.2, 6.1.6", LegalSource = "152-FZ Art. 14 part 3, Art. 20 part 1" },
        [RequestType.Correction] = new() { Days = 10, LegalDays = 7, PolicyClause = "6.2.2, 6.2.7", LegalSource = "152-FZ Art. 20 part 3, Art. 21 part 2" },

        // Blocking starts the moment the request arrives (Art. 21 part 1): due the same day.
        [RequestType.Blocking] = new() { Days = 0, LegalDays = 0, PolicyClause = "6.2.5, 6.2.6", LegalSource = "152-FZ Art. 21 part 1" },
        [RequestType.Destruction] = new() { Days = 10, LegalDays = 7, PolicyClause = "6.2.3", LegalSource = "152-FZ Art. 20 part 3" },
        [RequestType.StopProcessing] = new() { Days = 10, LegalDays = 10, Extendable = true, PolicyClause = "6.2.8, 6.2.10", LegalSource = "152-FZ Art. 21 part 5.1" },

        // The policy (10 working days) is stricter than the law (30 calendar days, Art. 21 part 5): the policy is honoured.
        [RequestType.WithdrawConsent] = new() { Days = 10, LegalDays = 30, LegalWorkingDays = false, PolicyClause = "6.2.10", LegalSource = "152-FZ Art. 21 part 5" },

        // The distribution consent ends when the demand reaches the operator (Art. 10.1 parts 12–13).
        [RequestType.WithdrawDistribution] = new() { Days = 0, LegalDays = 0, PolicyClause = "5.3.3", LegalSource = "152-FZ Art. 10.1 parts 12–13" },
    };
}
