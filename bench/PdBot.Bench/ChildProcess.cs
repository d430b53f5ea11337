using System.Diagnostics;
using System.Globalization;

namespace PdBot.Bench;

/// <summary>
/// A .NET program run as a child of the bench (<c>dotnet X.dll …</c>), so its memory is its own and can be read
/// from /proc while it runs.
/// </summary>
internal static class ChildProcess
{
    public static ProcessStartInfo Dotnet(string dll, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>A field such as VmRSS or VmHWM of a running process, in MiB (null once it has exited).</summary>
    public static double? StatusMiB(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>
    /// Waits for the child while reading its VmHWM (the kernel's peak RSS, which only grows) every few
    /// milliseconds; the last reading before exit is the peak, short of the final milliseconds of shutdown.
    /// </summary>
    public static async Task<double> WaitForExitWithPeakMiBAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var peak = 0.0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, StatusMiB(process.Id, "VmHWM") ?? 0);
            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        return peak;
    }
}
