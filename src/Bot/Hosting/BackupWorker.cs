using PdBot.Adapters.Fleet;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Alerts;
using PdBot.Core.Calendar;

namespace PdBot.Bot.Hosting;

/// <summary>
/// The daily backup (policy 5.4.3(14)): every hour on the injected clock it checks whether today's copy (clinic time,
/// from <see cref="BackupOptions.Hour"/>) is made; if not, it makes and checks <c>pdbot-YYYYMMDD-HHmmss.db</c> (UTC) in
/// <see cref="BackupOptions.Path"/> and deletes the oldest beyond <see cref="BackupOptions.Keep"/>. A failed copy is
/// retried next hour and raises an operator alert.
/// </summary>
public sealed partial class BackupWorker(
    StoreBackup backup,
    BackupLog log,
    AlertBoard alerts,
    LiteDbStorage storage,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupWorker> logger,
    IDeploymentLease? lease = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private const string Prefix = "pdbot-";

    private readonly IDeploymentLease _lease = lease ?? SingleProcessLease.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Keep <= 0)
        {
            return;
        }

        // The first check comes one period after start: a host restarted for maintenance does not copy the store each time.
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (IsDue() && await _lease.TryHoldAsync(DeploymentJobs.Backup, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    /// <summary>Today's copy is not made yet (or the last attempt failed) and the clinic's hour for it has come.</summary>
    public bool IsDue()
    {
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, ClinicTime.Zone);
        if (local.Hour < options.Value.Hour)
        {
            return false;
        }

        var last = log.Last();
        return last is null || !last.Intact || ClinicTime.LocalDate(new DateTimeOffset(last.TimeUtc, TimeSpan.Zero)) < ClinicTime.LocalDate(now);
    }

    /// <summary>Makes, checks and rotates one daily copy now.</summary>
    public async Task<BackupResult> RunOnceAsync(CancellationToken ct)
    {
        var directory = options.Value.DirectoryFor(storage.FilePath);
        var name = Prefix + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";
        var made = await backup.MakeAsync(Path.Combine(directory, name), force: false, daily: true, ct);
        if (made.Check.IsIntact)
        {
            var deleted = Rotate(directory, options.Value.Keep);
            LogMade(name, made.SizeBytes, made.Check.Took.TotalSeconds, deleted);
        }
        else
        {
            LogCheckFailed(name);

            // Once a clinic day: the hourly retries that day do not repeat it.
            var day = ClinicTime.LocalDate(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await alerts.RaiseAsync(
                AlertKinds.BackupFailed,
                "backup-failed-" + day,
                $"Ежедневная резервная копия базы не создана: {made.Check.Problem}. Следующая попытка — через час; проверьте место на диске и каталог Backup:Path.",
                ct);
        }

        return made;
    }

    /// <summary>Deletes the oldest daily copies beyond <paramref name="keep"/> (names sort by time); copies made by hand are not touched.</summary>
    public static int Rotate(string directory, int keep)
    {
        var copies = Directory.EnumerateFiles(directory, Prefix + "*.db")
            .Where(f => IsDailyName(Path.GetFileName(f)))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        foreach (var old in copies.Skip(Math.Max(keep, 1)))
        {
            File.Delete(old);
        }

        return Math.Max(0, copies.Count - Math.Max(keep, 1));
    }

    private static bool IsDailyName(string name) =>
        name.Length == Prefix.Length + 15 + 3
        && DateTime.TryParseExact(name[Prefix.Length..^3], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup: made and checked {File} ({Bytes} bytes, check {Seconds:F2} s); {Deleted} old copies deleted")]
    private partial void LogMade(string file, long bytes, double seconds, int deleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup: the copy {File} was not made or failed its check; retried next hour")]
    private partial void LogCheckFailed(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup failed; retried next hour")]
    private partial void LogFailed(Exception ex);
}
