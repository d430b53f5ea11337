namespace PdBot.Core.Operator;

/// <summary>The clinic as the operator of personal data (configuration section <c>Operator</c>).</summary>
public sealed class OperatorOptions
{
    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    public string Inn { get; set; } = "";

    public string Ogrn { get; set; } = "";

    public string PolicyUrl { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>Problems a person would notice (an empty policy link, …); empty when fine.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "Operator:Name is empty";
        }

        if (!Uri.TryCreate(PolicyUrl, UriKind.Absolute, out _))
        {
            yield return "Operator:PolicyUrl must be an absolute URL";
        }
    }
}
