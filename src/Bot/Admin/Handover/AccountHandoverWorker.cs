using System.Text.Json;
using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin.Handover;

/// <summary>
/// In the running host: creates the accounts <c>admin add</c> drops into <c>admin-add/</c> (see
/// <see cref="AccountHandover"/>), through the same enrollment and audit as the CLI, and answers each one.
/// </summary>
public sealed class AccountHandoverWorker(AdminEnrollment enrollment, IOptions<StorageOptions> storage, ILogger<AccountHandoverWorker> log) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Folder { get; } = AccountHandover.FolderFor(storage.Value.Path);

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(Folder);
        using var watcher = new FileSystemWatcher(Folder, "*" + AccountHandover.RequestExtension);
        watcher.Renamed += (_, e) => _ = ProcessOneAsync(e.FullPath);
        watcher.Created += (_, e) => _ = ProcessOneAsync(e.FullPath);
        watcher.EnableRaisingEvents = true;

        // Requests dropped while the host was starting.
        await ProcessPendingAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public async Task ProcessPendingAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + AccountHandover.RequestExtension))
        {
            await ProcessOneAsync(file);
        }
    }

    private async Task ProcessOneAsync(string file)
    {
        await _gate.WaitAsync();
        try
        {
            if (!File.Exists(file))
            {
                return;
            }

            var id = Path.GetFileNameWithoutExtension(file);
            var answer = await CreateAsync(file);
            File.Delete(file);
            var extension = answer is null ? AccountHandover.DoneExtension : AccountHandover.FailedExtension;
            await File.WriteAllTextAsync(Path.Combine(Folder, id + extension), answer ?? "created");
            log.LogInformation("An admin account handed over by the CLI was {Outcome}", answer is null ? "created" : "refused");
        }
        catch (IOException ex)
        {
            log.LogWarning(ex, "An admin account request could not be read or answered");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> CreateAsync(string file)
    {
        AccountRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<AccountRequest>(await File.ReadAllTextAsync(file));
        }
        catch (JsonException)
        {
            return "the request file is not valid";
        }

        if (request is null || !Enum.TryParse<AdminRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return "the request file is not valid";
        }

        return await enrollment.CreateHashedAsync(request.Login, role, request.PasswordHash, request.Actor);
    }
}
