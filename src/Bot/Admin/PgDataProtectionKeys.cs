using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PdBot.Adapters.PostgreSql;

namespace PdBot.Bot.Admin;

/// <summary>
/// The keys that sign the admin console's cookies, in PostgreSQL (table <c>dataprotection_keys</c>) rather than in a
/// directory beside the LiteDB file: every host behind the proxy reads the same key ring, so a sign-in made on one host
/// is valid on the others and survives any host's restart.
/// </summary>
public sealed class PgDataProtectionKeys(PgStorage storage) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        storage.Query("SELECT xml FROM dataprotection_keys ORDER BY created_at, id", r => XElement.Parse(r.GetString(0)));

    /// <summary>A key is never changed once written (revocations come as new elements), so a repeated name is kept as it was.</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        storage.Execute(
            "INSERT INTO dataprotection_keys (id, xml) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
            string.IsNullOrEmpty(friendlyName) ? "key-" + Guid.NewGuid().ToString("N") : friendlyName,
            element.ToString(SaveOptions.DisableFormatting));
    }
}
