using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Tests.Security;

namespace PdBot.Tests.Storage;

/// <summary>Without Storage:Password the host warns on every start, and in Production starts only when allowed.</summary>
public sealed class UnencryptedStoreStartTests : IDisposable
{
    private const string Warning = "Storage is not encrypted: set Storage:Password (environment variable Storage__Password)";

    private readonly TempFolder _tmp = new();
    private readonly CapturedLogs _logs = new();

    private string Db => _tmp.File("data/pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_host_refuses_an_unencrypted_store_in_Production_with_what_to_set()
    {
        await using var app = Build("--Storage:AllowUnencrypted", "false");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PdBotServices.PrepareAsync(app.Services, default));

        Assert.Equal("Production", app.Environment.EnvironmentName);
        Assert.Equal(
            "База не зашифрована, а окружение — Production: задайте пароль базы в переменной окружения Storage__Password "
            + "(Storage:Password) или явно разрешите работу без шифрования: Storage:AllowUnencrypted=true.",
            refused.Message);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task With_AllowUnencrypted_the_host_starts_in_Production_and_warns()
    {
        await using var app = Build("--Storage:AllowUnencrypted", "true");

        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith(Warning, StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task With_a_password_the_host_starts_in_Production_without_the_warning()
    {
        await using var app = Build("--Storage:AllowUnencrypted", "false", "--Storage:Password", "s3cret");

        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();

        Assert.DoesNotContain(_logs.Entries, e => e.Message.StartsWith(Warning, StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_host_started_with_a_password_on_an_unencrypted_store_encrypts_it_and_logs_so()
    {
        using (var earlier = new PdBotTestHost(dbPath: Db))
        {
            await earlier.Chat().Send("/start").Press("☐ Согласен(на) на рассылку").Press("Отправить").StartTestAsync();
        }

        await using var app = Build("--Storage:AllowUnencrypted", "false", "--Storage:Password", "s3cret");
        await PdBotServices.PrepareAsync(app.Services, default);

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message == $"Storage {Db} was not encrypted: encrypted it in place with Storage:Password");
        Assert.True(app.Services.GetRequiredService<PdBot.Core.Audit.IAuditLog>().Verify().IsIntact);
    }

    [Fact]
    public async Task The_readmes_dotnet_run_starts_with_no_set_up_in_the_environment_its_launch_profile_names()
    {
        // `dotnet run --project src/Bot` takes the first profile of launchSettings.json; a published binary has none.
        var settings = Path.Combine(RepoRoot.Path, "src", "Bot", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(settings));
        var profile = json.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        var environment = profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString()!;
        await using var app = Build("--environment", environment, "--Storage:AllowUnencrypted", "false");

        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();

        Assert.Equal("Development", app.Environment.EnvironmentName);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith(Warning, StringComparison.Ordinal));
        await app.StopAsync();
    }

    private WebApplication Build(params string[] args) =>
        ServeVerb.BuildApp(["--urls", "http://127.0.0.1:0", "--Storage:Path", Db, .. args], s => s.AddSingleton<ILoggerProvider>(_logs));
}
