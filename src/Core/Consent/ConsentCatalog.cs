namespace PdBot.Core.Consent;

/// <summary>The configured purposes, checked once at start-up so a bad configuration fails loudly, not mid-chat.</summary>
public sealed class ConsentCatalog
{
    private readonly Dictionary<string, PurposeOptions> _byId;

    public ConsentCatalog(IReadOnlyList<PurposeOptions> purposes, ConsentOptions options)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(purposes, options).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid purposes configuration: " + string.Join("; ", problems));
        }

        Purposes = purposes;
        Options = options;
        _byId = purposes.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PurposeOptions> Purposes { get; }

    public ConsentOptions Options { get; }

    public PurposeOptions Default => _byId[Options.DefaultPurpose];

    public PurposeOptions Mailing => _byId[Options.MailingPurpose];

    /// <summary>The consultation request's purpose, when configured.</summary>
    public PurposeOptions? Consultation => Find(Options.ConsultationPurpose);

    /// <summary>The review (distribution) purpose, when configured.</summary>
    public PurposeOptions? Review => Find(Options.ReviewPurpose);

    /// <summary>The patient messaging purpose, when configured.</summary>
    public PurposeOptions? Patient => Find(Options.PatientPurpose);

    public PurposeOptions? Find(string purposeId) => _byId.GetValueOrDefault(purposeId);

    public PurposeOptions Get(string purposeId) =>
        Find(purposeId) ?? throw new KeyNotFoundException($"Unknown purpose '{purposeId}'");

    private static IEnumerable<string> Validate(IReadOnlyList<PurposeOptions> purposes, ConsentOptions options)
    {
        if (purposes.Count == 0)
        {
            yield return "no purposes are configured";
        }

        foreach (var p in purposes)
        {
            var name = string.IsNullOrWhiteSpace(p.Id) ? "(no id)" : p.Id;
            if (string.IsNullOrWhiteSpace(p.Id) || p.Id.Contains(':', StringComparison.Ordinal) || p.Id.Contains('/', StringComparison.Ordinal))
            {
                yield return $"purpose {name}: Id must be set and contain no ':' or '/'";
            }

            if (string.IsNullOrWhiteSpace(p.Text) || string.IsNullOrWhiteSpace(p.Label) || string.IsNullOrWhiteSpace(p.Title))
            {
                yield return $"purpose {name}: Title, Label and Text must be set";
            }

            if (p.RetentionDays is < 1 || (p.RetentionDays is null && p.Term == PurposeTerm.Days))
            {
                yield return $"purpose {name}: RetentionDays must be 1 or more (Term Days needs it)";
            }

            if (p.Version < 1)
            {
                yield return $"purpose {name}: Version must be 1 or more";
            }
        }

        foreach (var dup in purposes.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            yield return $"purpose {dup.Key} is configured twice";
        }

        var ids = purposes.Select(p => p.Id).ToHashSet();
        if (!ids.Contains(options.DefaultPurpose))
        {
            yield return $"Consent:DefaultPurpose '{options.DefaultPurpose}' is not a configured purpose";
        }

        if (!ids.Contains(options.MailingPurpose))
        {
            yield return $"Consent:MailingPurpose '{options.MailingPurpose}' is not a configured purpose";
        }
    }
}
