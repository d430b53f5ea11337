using System.Text.Json;

namespace PdBot.Bot.Admin.Handover;

/// <summary>
/// How <c>admin add</c> reaches a running host: LiteDB lets one process hold the database, so when the host has
/// it, the CLI drops the new account (login, role, password <em>hash</em>) as a file in <c>admin-add/</c> beside
/// the database and waits for the host's answer file (<c>.done</c> or <c>.failed</c> with the reason).
/// Whoever can write that folder can also write the database itself, so this opens no new door.
/// </summary>
public static class AccountHandover
{
    public const string RequestExtension = ".json";
    public const string DoneExtension = ".done";
    public const string FailedExtension = ".failed";

    public static string FolderFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "admin-add");

    /// <summary>Writes the request atomically (temp file, then rename) and returns its id.</summary>
    public static string Write(string folder, AccountRequest request)
    {
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(folder, id + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(request));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, Path.Combine(folder, id + RequestExtension));
        return id;
    }

    /// <summary>
    /// Waits for the host's answer: null when the account was created, the reason when it was refused.
    /// Throws <see cref="TimeoutException"/> (and withdraws the request) when no host picked it up in time.
    /// </summary>
    public static async Task<string?> WaitForAnswerAsync(string folder, string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var done = Path.Combine(folder, id + DoneExtension);
        var failed = Path.Combine(folder, id + FailedExtension);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (File.Exists(done))
            {
                File.Delete(done);
                return null;
            }

            if (File.Exists(failed))
            {
                var reason = await File.ReadAllTextAsync(failed, cancellationToken);
                File.Delete(failed);
                return reason;
            }

            // A real wait on purpose: another process answers through the file system.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        var request = Path.Combine(folder, id + RequestExtension);
        if (File.Exists(request))
        {
            File.Delete(request);
        }

        throw new TimeoutException("no running PdBot host picked the account up");
    }
}
