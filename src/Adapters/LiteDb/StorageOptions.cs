namespace PdBot.Adapters.LiteDb;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The LiteDB file; a relative path is taken from the working directory.</summary>
    public string Path { get; set; } = "data/pdbot.db";

    /// <summary>
    /// Encrypts the file (AES) when set; an unencrypted file is encrypted in place at the next start. Comes from an
    /// environment variable (<c>Storage__Password</c>), never from a committed file.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Lets the host start unencrypted in the Production environment (elsewhere it only warns).</summary>
    public bool AllowUnencrypted { get; set; }

    public bool Encrypted => !string.IsNullOrEmpty(Password);
}
