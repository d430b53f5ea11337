using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Backup;
using PdBot.Bot.Hosting;
using PdBot.Core.Alerts;

namespace PdBot.Tests.Backup;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupWorkerTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Backups => _tmp.File("backups");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_daily_worker_keeps_Keep_copies_and_records_the_last_one()
    {
        using var host = new PdBotTestHost(new() { ["Backup:Path"] = Backups, ["Backup:Keep"] = "3" }, _tmp.File("pdbot.db"));
        var worker = host.Services.GetRequiredService<BackupWorker>();
        Directory.CreateDirectory(Backups);
        await File.WriteAllTextAsync(Path.Combine(Backups, "by-hand.db"), "made by an operator");

        for (var day = 0; day < 5; day++)
        {
            await BackupFiles.GiveAsync(host, $"u{day}");
            await worker.RunOnceAsync(default);
            host.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(
            ["by-hand.db", "pdbot-20261125-090000.db", "pdbot-20261126-090000.db", "pdbot-20261127-090000.db"],
            Directory.GetFiles(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var last = host.Services.GetRequiredService<BackupLog>().Last()!;
        Assert.Equal(
            (new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), Path.Combine(Backups, "pdbot-20261127-090000.db"), true, true),
            (last.TimeUtc, last.File, last.Intact, last.Daily));
        Assert.Equal(new FileInfo(last.File).Length, last.SizeBytes);
        Assert.Equal(5, BackupCheck.Run(last.File, null).Persons);
    }

    [Fact]
    public async Task The_daily_copy_is_due_once_a_clinic_day_from_its_hour()
    {
        using var host = new PdBotTestHost(new() { ["Backup:Path"] = Backups, ["Backup:Hour"] = "3" }, _tmp.File("pdbot.db"));
        var worker = host.Services.GetRequiredService<BackupWorker>();

        // 23:30 UTC is 02:30 in Moscow: before the hour.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        Assert.False(worker.IsDue());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(worker.IsDue());
        await worker.RunOnceAsync(default);
        Assert.False(worker.IsDue());
        host.Clock.Advance(TimeSpan.FromHours(20));
        Assert.False(worker.IsDue());
        host.Clock.Advance(TimeSpan.FromHours(4));
        Assert.True(worker.IsDue());
    }

    [Fact]
    public async Task A_failed_daily_copy_is_recorded_alerts_operators_once_and_is_retried()
    {
        Directory.CreateDirectory(Backups);
        File.SetUnixFileMode(Backups, (UnixFileMode)0b111_111_111);
        using var host = new PdBotTestHost(new() { ["Backup:Path"] = Backups }, _tmp.File("pdbot.db"));
        var worker = host.Services.GetRequiredService<BackupWorker>();

        var first = await worker.RunOnceAsync(default);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await worker.RunOnceAsync(default);

        Assert.False(first.Check.IsIntact);
        var last = host.Services.GetRequiredService<BackupLog>().Last()!;
        Assert.False(last.Intact);
        Assert.Contains("доступен на запись группе или всем", last.Problem, StringComparison.Ordinal);
        Assert.True(worker.IsDue());
        var alert = Assert.Single(host.Services.GetRequiredService<AlertBoard>().Open());
        Assert.Equal(AlertKinds.BackupFailed, alert.Kind);
        Assert.StartsWith("Ежедневная резервная копия базы не создана", alert.Text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Backups));
    }
}
