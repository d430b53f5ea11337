namespace PdBot.Tests;

/// <summary>The repository root, found from the test's output folder (it holds PdBot.sln).</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PdBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdBot.sln not found above " + AppContext.BaseDirectory);
    }
}
