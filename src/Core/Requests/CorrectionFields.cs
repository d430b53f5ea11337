using System.Globalization;

namespace PdBot.Core.Requests;

/// <summary>
/// The data we hold that an operator can correct (policy 6.2.2, 6.2.7): what the person gave in request forms.
/// A correction changes the value in every request of the person that holds it.
/// </summary>
public static class CorrectionFields
{
    public const string Document = "document";
    public const string IssuedOn = "issued";
    public const string Issuer = "issuer";
    public const string Relation = "relation";

    public static readonly IReadOnlyList<string> All = [Document, IssuedOn, Issuer, Relation];

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static string? Get(SubjectRequest r, string field)
    {
        ArgumentNullException.ThrowIfNull(r);
        return field switch
        {
            Document => r.DocumentNumber,
            IssuedOn => r.DocumentIssuedOn?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            Issuer => r.DocumentIssuer,
            Relation => r.Relation,
            _ => null,
        };
    }

    /// <returns>Null when the value is accepted, otherwise what to tell the operator (Russian).</returns>
    public static string? Check(string field, string value)
    {
        if (!All.Contains(field))
        {
            return $"Поле «{field}» исправить нельзя. Можно: {string.Join(", ", All.Select(f => $"{f} ({Labels.RussianLabels.CorrectionField(f)})"))}.";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return $"Новое значение поля «{Labels.RussianLabels.CorrectionField(field)}» пустое.";
        }

        return field == IssuedOn && !DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? "Дату выдачи введите в формате ДД.ММ.ГГГГ, например 15.03.2019."
            : null;
    }

    public static void Set(SubjectRequest r, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(r);
        value = value.Trim();
        switch (field)
        {
            case Document: r.DocumentNumber = value; break;
            case IssuedOn: r.DocumentIssuedOn = DateOnly.ParseExact(value, DateFormats, CultureInfo.InvariantCulture); break;
            case Issuer: r.DocumentIssuer = value; break;
            case Relation: r.Relation = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a correctable field");
        }
    }

    /// <summary>SHA-256 (hex) of a value: the audit proves what changed without keeping it.</summary>
    public static string Hash(string? value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value ?? "")));
}
