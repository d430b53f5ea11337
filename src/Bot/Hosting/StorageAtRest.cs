using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;

namespace PdBot.Bot.Hosting;

/// <summary>
/// The start-up rule for an unencrypted store: the host refuses it in Production unless allowed explicitly, and
/// every entry point warns on every start.
/// </summary>
public static class StorageAtRest
{
    public static void Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Only the web host has an IWebHostEnvironment: a CLI verb run by hand on the server is not refused.
        var host = services.GetService<IWebHostEnvironment>();
        if (!options.Encrypted && !options.AllowUnencrypted && host is not null && host.IsProduction())
        {
            throw new InvalidOperationException(
                "База не зашифрована, а окружение — Production: задайте пароль базы в переменной окружения Storage__Password "
                + "(Storage:Password) или явно разрешите работу без шифрования: Storage:AllowUnencrypted=true.");
        }

        var storage = services.GetRequiredService<LiteDbStorage>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("PdBot.Storage");
        if (storage.EncryptedInPlace)
        {
            log.LogWarning("Storage {Path} was not encrypted: encrypted it in place with Storage:Password", storage.FilePath);
        }

        if (!storage.IsEncrypted)
        {
            log.LogWarning(
                "Storage is not encrypted: set Storage:Password (environment variable Storage__Password) to encrypt {Path}",
                storage.FilePath);
        }
    }
}
