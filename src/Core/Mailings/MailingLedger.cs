using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PdBot.Core.Mailings;

/// <summary>
/// The SHA-256 of a mailing's ledger. It goes into the mailing's audit entry when the mailing finishes, so an edited,
/// added or removed row is found by <c>audit verify</c>, which computes it again.
/// </summary>
public static class MailingLedger
{
    public static string Hash(IEnumerable<MailingDelivery> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in rows.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Line(r)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Line(MailingDelivery r) => string.Join('|',
        r.Id,
        r.PersonId,
        r.Channel,
        r.State.ToString(),
        r.Reason ?? "",
        r.ConsentVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.ConsentTextHash ?? "",
        r.AtUtc?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "",
        r.PlatformMessageId ?? "") + "\n";
}
