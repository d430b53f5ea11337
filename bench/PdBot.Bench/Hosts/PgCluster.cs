using System.Diagnostics;
using Npgsql;

namespace PdBot.Bench.Hosts;

/// <summary>
/// A throw-away PostgreSQL cluster for the bench (scripts/pg-throwaway), durable (PG_DURABLE=1: fsync and synchronous
/// commit on), so a commit costs what it costs in production; stopped and removed on dispose.
/// </summary>
internal sealed class PgCluster : IDisposable
{
    private readonly string _script;
    private readonly string _dir;
    private int _databases;

    private PgCluster(string script, string dir, string connectionString) => (_script, _dir, ConnectionString) = (script, dir, connectionString);

    public string ConnectionString { get; }

    public static PgCluster Start()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "pg-throwaway");
        var dir = Directory.CreateTempSubdirectory("pdbot-bench-pg-").FullName;
        var (code, output, error) = Run(script, "start", dir);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg-throwaway start failed: {error.Trim()}");
        }

        return new PgCluster(script, dir, output.Trim());
    }

    /// <summary>A new empty database on the cluster (each measured configuration gets its own).</summary>
    public string CreateDatabase()
    {
        var name = $"bench{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
#pragma warning disable CA2100 // A generated name, not input.
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        Run(_script, "stop", _dir);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
            // As root the cluster's files belong to the postgres user; the system's temp cleanup removes them.
        }
    }

    private static (int Code, string Output, string Error) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PG_DURABLE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PdBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PdBot.sln not found above " + AppContext.BaseDirectory);
    }
}
