using System.Diagnostics;
using Npgsql;

namespace PdBot.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests use: <c>PDBOT_TEST_PG</c> (scripts/test starts a throw-away cluster and sets it), or,
/// when unset (a single test from an IDE), a throw-away cluster started here once per test run with
/// scripts/pg-throwaway and stopped when the run ends. Each test gets a database of its own (<see cref="CreateDatabase"/>).
/// Nothing is skipped: without a server the tests fail, saying how to get one.
/// </summary>
public static class PgServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
#pragma warning disable CA2100 // A generated name, not input.
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true, MaxPoolSize = 30 }.ConnectionString;
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("PDBOT_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "pg-throwaway");
        var dir = Directory.CreateTempSubdirectory("pdbot-pg-").FullName;
        var (code, output, error) = Run(script, "start", dir);
        if (code != 0)
        {
            throw new InvalidOperationException($"No PostgreSQL for the store tests: {script} start failed ({error.Trim()}). Run scripts/test, or set PDBOT_TEST_PG to a server's connection string.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(script, "stop", dir);
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp directory.
            }
            catch (UnauthorizedAccessException)
            {
                // Owned by postgres when the run was root's; left in the temp directory.
            }
        };
        return output.Trim();
    }

    private static (int Code, string Output, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        // stderr is small (a line on failure); read it after stdout, which is read to its end first.
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdBot.sln not found above the test assembly.");
    }
}
