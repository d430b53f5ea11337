namespace PdBot.Core.Retention;

/// <summary>Configuration section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Purposes whose data a contract with the person keeps after a withdrawal or a destruction demand (policy
    /// 6.2.16): the correspondence with a patient. Their identifiers are not erased while such a consent is in force.
    /// </summary>
    public IList<string> ContractPurposes { get; init; } = ["patient"];
}
