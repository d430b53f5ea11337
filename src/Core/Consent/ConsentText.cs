using System.Security.Cryptography;
using System.Text;

namespace PdBot.Core.Consent;

/// <summary>A version of a purpose's consent text, with the SHA-256 of exactly what the person is shown.</summary>
public sealed record ConsentText(string PurposeId, int Version, string Text)
{
    public string Hash { get; } = Sha256Hex(Text);

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
