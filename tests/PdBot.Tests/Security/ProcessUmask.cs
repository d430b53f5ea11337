using System.Runtime.InteropServices;

namespace PdBot.Tests.Security;

/// <summary>Sets this process's umask for a test, like the shell an admin starts PdBot from (umask 022).</summary>
internal static partial class ProcessUmask
{
    /// <returns>The previous umask.</returns>
    public static uint Set(uint mask) => Umask(mask);

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
