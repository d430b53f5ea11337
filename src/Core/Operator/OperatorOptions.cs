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

    /// <summary>Policy 6.1.1 item 2: legal grounds of processing.</summary>
    public string LegalGrounds { get; set; } = "";

    /// <summary>Item 3: how data are processed.</summary>
    public string Methods { get; set; } = "";

    /// <summary>Item 4: who else has access or may receive data (not employees).</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Item 5: where the data come from.</summary>
    public string Source { get; set; } = "";

    /// <summary>Item 8: cross-border transfer, performed or planned.</summary>
    public string CrossBorder { get; set; } = "";

    /// <summary>Item 9: a processor acting on the operator's instruction.</summary>
    public string Processor { get; set; } = "";

    /// <summary>Item 10: how the operator meets Art. 18.1.</summary>
    public string SafeguardMeasures { get; set; } = "";

    /// <summary>Problems a person would notice (an empty policy link, …); empty when fine.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "не указано название оператора (Operator:Name)";
        }

        if (!Uri.TryCreate(PolicyUrl, UriKind.Absolute, out _))
        {
            yield return "адрес политики (Operator:PolicyUrl) должен быть абсолютным URL";
        }
    }
}
