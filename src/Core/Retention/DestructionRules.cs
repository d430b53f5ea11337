using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Core.Retention;

/// <summary>
/// Decides, from the present state of the person's consents, what a due withdrawal or an approved destruction
/// destroys and what it keeps (see README.md in this folder). Pure: the caller carries the plan out.
/// </summary>
public static class DestructionRules
{
    /// <summary>What is always destroyed with the person's identifiers.</summary>
    public static readonly IReadOnlyList<string> IdentifierData =
    [
        "идентификатор пользователя ВКонтакте или Telegram и идентификатор чата",
        "сохранённые входящие сообщения боту",
    ];

    /// <summary>What is always destroyed: the answers given in request forms.</summary>
    public static readonly IReadOnlyList<string> RequestData =
    [
        "данные документа, удостоверяющего личность, и ответы в формах запросов",
    ];

    /// <summary>
    /// A withdrawal on its due day (policy 6.2.10): superseded when the consent is in force again; nothing to do when
    /// a take-down names a consent never given (5.3.3); blocked when any consent is still in force (6.2.11, 6.2.16);
    /// destroyed otherwise.
    /// </summary>
    public static DestructionPlan ForWithdrawal(SubjectRequest request, IReadOnlyList<ConsentRecord> consents, ConsentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(catalog);
        var purposes = WithdrawnPurposes(request, catalog);
        var inForce = InForce(consents, catalog);
        if (inForce.Any(p => purposes.Contains(p.Id)))
        {
            return new(RetentionDecisionKind.Supersede, [], [], [], false);
        }

        if (request.Type == RequestType.WithdrawDistribution && !consents.Any(c => purposes.Contains(c.PurposeId) && c.GivenAtUtc is not null))
        {
            return new(RetentionDecisionKind.NoConsent, [], [], [], false);
        }

        var categories = purposes.Select(catalog.Find).OfType<PurposeOptions>().SelectMany(p => p.DataCategories).Distinct().ToList();
        return inForce.Count > 0
            ? new(RetentionDecisionKind.Block, [], inForce, [], false)
            : new(RetentionDecisionKind.Destroy, [], [], [.. categories, .. IdentifierData, .. RequestData], true);
    }

    /// <summary>
    /// An approved destruction demand (policy 6.2.3): every consent in force is withdrawn except those a contract
    /// with the person needs (6.2.16, <see cref="RetentionOptions.ContractPurposes"/>); with such a contract the
    /// identifiers stay and only the rest is destroyed.
    /// </summary>
    public static DestructionPlan ForDestruction(IReadOnlyList<ConsentRecord> consents, ConsentCatalog catalog, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var inForce = InForce(consents, catalog);
        var kept = inForce.Where(p => options.ContractPurposes.Contains(p.Id)).ToList();
        var withdraw = inForce.Except(kept).ToList();
        var keptCategories = kept.SelectMany(p => p.DataCategories).ToHashSet();
        var categories = consents.Select(c => catalog.Find(c.PurposeId)).OfType<PurposeOptions>().Except(kept)
            .SelectMany(p => p.DataCategories).Where(c => !keptCategories.Contains(c)).Distinct().ToList();
        return kept.Count > 0
            ? new(RetentionDecisionKind.Block, withdraw, kept, [.. categories, .. RequestData], false)
            : new(RetentionDecisionKind.Destroy, withdraw, [], [.. categories, .. IdentifierData, .. RequestData], true);
    }

    /// <summary>The purposes a withdrawal request is about: its own, or every distribution purpose for a take-down.</summary>
    public static IReadOnlyList<string> WithdrawnPurposes(SubjectRequest request, ConsentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        return request.Type == RequestType.WithdrawDistribution
            ? [.. catalog.Purposes.Where(p => p.Distribution).Select(p => p.Id).Union(request.PurposeId is null ? [] : [request.PurposeId])]
            : request.PurposeId is null ? [] : [request.PurposeId];
    }

    private static List<PurposeOptions> InForce(IReadOnlyList<ConsentRecord> consents, ConsentCatalog catalog) =>
        [.. consents.Where(c => c.State is ConsentState.Given or ConsentState.NeedsRenewal)
            .Select(c => catalog.Find(c.PurposeId)).OfType<PurposeOptions>()];
}
