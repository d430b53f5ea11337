namespace PdBot.Core.Consent;

/// <summary>One processing purpose and its consent text (an entry of configuration section <c>Purposes</c>).</summary>
public sealed class PurposeOptions
{
    /// <summary>Stable id used in payloads, storage and exports (e.g. "mailing").</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Label of the checkbox button: shown as "☐ label" / "☑ label".</summary>
    public string Label { get; set; } = "";

    /// <summary>Raise it whenever <see cref="Text"/> changes; older consents then need renewal.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The consent text shown to the person, verbatim.</summary>
    public string Text { get; set; } = "";

    /// <summary>The clause of the clinic's policy this purpose comes from (e.g. "2.3.1").</summary>
    public string PolicyClause { get; set; } = "";

    public IList<string> DataCategories { get; init; } = [];

    /// <summary>How long data kept for this purpose is kept, in the policy's words.</summary>
    public string Retention { get; set; } = "";

    /// <summary>
    /// The term in days, counted from the consent (and, for the purpose's own records such as a consultation request,
    /// from each record); set, it makes <see cref="Term"/> <see cref="PurposeTerm.Days"/>.
    /// </summary>
    public int? RetentionDays { get; set; }

    /// <summary><c>UntilWithdrawn</c> (default) or <c>Contract</c>; <c>Days</c> when <see cref="RetentionDays"/> is set.</summary>
    public PurposeTerm Term
    {
        get => RetentionDays is not null ? PurposeTerm.Days : _term;
        set => _term = value;
    }

    private PurposeTerm _term = PurposeTerm.UntilWithdrawn;

    /// <summary>Direct marketing (Art. 15): stops at once on «Отписаться» and friends.</summary>
    public bool Marketing { get; set; }

    /// <summary>Data permitted for distribution (Art. 10.1): always its own separate consent.</summary>
    public bool Distribution { get; set; }

    public ConsentText ToConsentText() => new(Id, Version, Text);
}
