using System.Runtime.CompilerServices;

namespace PdBot.Tests;

/// <summary>Settings every host the tests start shares, in-process or as a child process.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// Test hosts run in the Production environment (no ASPNETCORE_ENVIRONMENT) on throwaway unencrypted stores; the
    /// tests of the encryption rule set Storage:AllowUnencrypted=false on the command line, which wins.
    /// </summary>
    [ModuleInitializer]
    internal static void AllowUnencryptedStores() => Environment.SetEnvironmentVariable("Storage__AllowUnencrypted", "true");
}
