namespace PdBot.Core.Retention;

/// <summary>
/// One kind of data kept for a purpose (consents with a term, consultation requests, inbox messages, reviews): the
/// retention job asks each sweep to end and destroy what is past its term (policy 6.2.9), and
/// <c>pdbot retention preview</c> lists what each will do.
/// </summary>
public interface IPurposeDataSweep
{
    /// <summary>What the sweep would end or destroy up to <paramref name="untilUtc"/> if nothing changes before (read-only).</summary>
    IReadOnlyList<TermPreviewItem> Preview(DateTimeOffset untilUtc);

    /// <summary>Ends and destroys what is past its term now, with the audit entries (destruction acts); returns how many items. Safe to run again.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken = default);
}
