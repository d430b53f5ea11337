namespace PdBot.Bench;

/// <summary>A fresh folder under the system temp path, removed with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pdbot-bench-").FullName;

    /// <summary>Every run gets its own database file, so no run starts with another's data.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
