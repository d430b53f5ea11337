using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PdBot.Adapters.Vk;

/// <summary>
/// Checks a Callback API body's <c>secret</c> with a forward-only scan of the top-level object, before anything is
/// parsed into a document: a stranger's body costs one pass over bytes already read, no DOM and no strings. The scan
/// stops at the first "secret" (wrong: refused at once) and skips every other value without looking inside it.
/// </summary>
public static class VkSecretScan
{
    // Longer than any secret VK lets a community set (50 characters); an escaped or longer value is simply wrong.
    private const int MaxSecretBytes = 256;

    public static VkSecretResult Check(ReadOnlySpan<byte> body, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return VkSecretResult.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSecret = reader.ValueTextEquals("secret"u8);
                if (!reader.Read())
                {
                    return VkSecretResult.Malformed;
                }

                if (isSecret)
                {
                    return Matches(ref reader, expected) ? VkSecretResult.Matches : VkSecretResult.Wrong;
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject ? VkSecretResult.Wrong : VkSecretResult.Malformed;
        }
        catch (JsonException)
        {
            return VkSecretResult.Malformed;
        }
    }

    private static bool Matches(ref Utf8JsonReader reader, string expected)
    {
        var want = Encoding.UTF8.GetBytes(expected);
        if (reader.TokenType != JsonTokenType.String || want.Length == 0 || reader.ValueSpan.Length > MaxSecretBytes)
        {
            return false;
        }

        Span<byte> got = stackalloc byte[MaxSecretBytes];
        var length = reader.CopyString(got);
        return CryptographicOperations.FixedTimeEquals(got[..length], want);
    }
}
