using System.Security.Cryptography;
using System.Text;

namespace PdBot.Core.ApiKeys;

/// <summary>
/// Making and checking key strings. A key is 32 random bytes, so a fast hash is enough to keep it safe at rest (no
/// guessable password to slow down); comparison is in constant time all the same.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "pdbot_";

    /// <summary>"pdbot_" + 32 random bytes in base64url.</summary>
    public static string Generate() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the key, hex.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public static bool Matches(string storedHash, string presentedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        ArgumentNullException.ThrowIfNull(presentedHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(presentedHash));
    }
}
