namespace PdBot.Adapters.LiteDb;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The LiteDB file; a relative path is taken from the working directory.</summary>
    public string Path { get; set; } = "data/pdbot.db";

    /// <summary>Encrypts the file when set. Comes from an environment variable, never from a committed file.</summary>
    public string? Password { get; set; }
}
