using System.Diagnostics;
using System.Globalization;

namespace PdBot.Bench;

/// <summary>
/// Arguments of the benches that seed a database first: <c>--COUNT N</c> and <c>--db FILE</c> (kept, and reused
/// without seeding when it exists, since seeding a million entries takes far longer than measuring them).
/// </summary>
internal sealed record SeededFile(int Count, string? KeptPath)
{
    /// <summary>Null when an argument is unknown or not a positive number.</summary>
    public static SeededFile? Parse(string[] args, string countOption, int defaultCount)
    {
        var count = defaultCount;
        string? keep = null;
        if (args.Length % 2 != 0)
        {
            return null;
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == countOption && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                count = n;
            }
            else if (args[i] == "--db")
            {
                keep = args[i + 1];
            }
            else
            {
                return null;
            }
        }

        return new SeededFile(count, keep);
    }

    /// <summary>The file to measure, seeded by <paramref name="seed"/> unless a kept one already exists.</summary>
    public async Task<string> PrepareAsync(TempDirectory temp, Func<string, int, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(temp);
        ArgumentNullException.ThrowIfNull(seed);
        var path = KeptPath ?? temp.File("seeded.db");
        if (!File.Exists(path))
        {
            var clock = Stopwatch.StartNew();
            await seed(path, Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {Count:N0} in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {new FileInfo(path).Length / 1048576.0:F0} MiB"));
        return path;
    }
}
