using PdBot.Adapters.Backup;

namespace PdBot.Bot.Hosting;

/// <summary>Backups and restore (policy 5.4.3(14)): the copier, the record of the last copy, the daily worker.</summary>
public static class BackupServices
{
    /// <param name="services">The host's services.</param>
    /// <param name="daily">False on PostgreSQL: its copies are made with PostgreSQL's own tools, so no daily worker runs.</param>
    public static IServiceCollection AddBackups(this IServiceCollection services, bool daily = true)
    {
        services.AddOptions<BackupOptions>().BindConfiguration("Backup")
            .Validate(o => o.Keep >= 0 && o.Hour is >= 0 and <= 23, "Backup: Keep — число копий (0 — без ежедневных копий), Hour — час по времени клиники от 0 до 23")
            .ValidateOnStart();
        services.AddSingleton<BackupLog>();
        services.AddSingleton<StoreBackup>();
        services.AddSingleton<BackupWorker>();

        // Only a started host runs it (the web host); the CLI and test providers never start hosted services.
        if (daily)
        {
            services.AddHostedService(sp => sp.GetRequiredService<BackupWorker>());
        }

        return services;
    }
}
