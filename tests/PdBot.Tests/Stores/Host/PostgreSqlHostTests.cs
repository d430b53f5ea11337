using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PdBot.Bot.Admin;
using PdBot.Bot.Cli;
using PdBot.Bot.Cli.Control;
using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Tests.Admin.Console;
using PdBot.Tests.Cli;
using PdBot.Tests.Conversations;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Host;

/// <summary>Whole hosts on PostgreSQL: the bot, the audit chain, a CLI verb and the web host, with no LiteDB file anywhere.</summary>
public sealed class PostgreSqlHostTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_person_gives_consent_through_the_bot_and_withdraws_it_on_PostgreSql()
    {
        using var host = PdBotTestHost.OnPostgreSql();

        await host.GiveMailingConsentAsync("u1");
        Assert.Equal(ConsentState.Given, host.StateOf("mailing", "u1"));
        await host.Chat().Send("/stop").AssertReply(BotTexts.Unsubscribed).StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, host.StateOf("mailing", "u1"));
        Assert.Equal([AuditEvents.Given, AuditEvents.Withdrawn], host.ConsentEvents().Select(e => e.Event));
        Assert.False(File.Exists(host.DbPath));
        Assert.False(File.Exists(host.DbPath + ".lock"));
    }

    [Fact]
    public async Task The_audit_chain_verifies_and_survives_a_restart_on_PostgreSql()
    {
        using var host = PdBotTestHost.OnPostgreSql();
        await host.GiveMailingConsentAsync("u1");
        await host.GiveMailingConsentAsync("u2");
        await host.Chat("u1").Send("/stop").SkipReplies().StartTestAsync();
        var before = host.Audit.Verify();

        host.Restart();
        await host.GiveMailingConsentAsync("u3");
        var after = host.Audit.Verify();

        Assert.True(before.IsIntact, before.Problem);
        Assert.True(after.IsIntact, after.Problem);
        Assert.True(after.IntactCount > before.IntactCount);
        Assert.Equal(ConsentState.Withdrawn, host.StateOf("mailing", "u1"));
        Assert.Equal(ConsentState.Given, host.StateOf("mailing", "u3"));
    }

    [Fact]
    public async Task Audit_verify_runs_on_PostgreSql_from_the_environment_while_a_host_is_open()
    {
        using var host = PdBotTestHost.OnPostgreSql();
        await host.GiveMailingConsentAsync("u1");
        var count = host.Audit.ReadAll().Count();

        var result = await WithEnvironmentAsync(
            new() { ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = host.ConnectionString },
            () => CliRunner.RunAsync("audit", "verify"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Цепочка цела: проверено записей — {count}.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_then_audit_verify_on_the_command_line_open_a_fresh_PostgreSql_database_themselves()
    {
        var environment = new Dictionary<string, string?> { ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = PgServer.CreateDatabase() };

        var (chat, verify) = await WithEnvironmentAsync(environment, async () =>
            (await CliRunner.RunWithInputAsync("/start\n1\n2\n", "chat", "--user", "7"), await CliRunner.RunAsync("audit", "verify")));

        Assert.True(chat.ExitCode == 0, chat.Error);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Matches("Цепочка цела: проверено записей — [1-9][0-9]*\\.", verify.Out);
    }

    [Fact]
    public async Task Two_web_hosts_start_on_one_database_and_health_answers_on_each()
    {
        var connection = PgServer.CreateDatabase();

        await using var first = await RunningHost.StartAsync(connection, _tmp.File("a/pdbot.db"));
        await using var second = await RunningHost.StartAsync(connection, _tmp.File("a/pdbot.db"));

        foreach (var host in new[] { first, second })
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(host.Address + HealthEndpoint.Path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.Null(host.App.Services.GetServices<IHostedService>().OfType<ControlSocketHost>().Single().SocketPath);
        }

        Assert.False(File.Exists(_tmp.File("a/pdbot.db")));
        Assert.False(File.Exists(_tmp.File("a/pdbot.sock")));
    }

    [Fact]
    public async Task An_admin_signed_in_on_one_host_is_signed_in_on_another_and_the_home_page_names_PostgreSQL_backups()
    {
        var connection = PgServer.CreateDatabase();
        await using var first = await ConsoleHost.StartAsync("--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection);
        await using var second = await RunningHost.StartAsync(connection, _tmp.File("b/pdbot.db"), first.Clock);
        using var signedIn = await ConsoleClient.SignInAsync(first, ConsoleHost.AdminLogin);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(second.Address + AdminConsole.Path));
        request.Headers.Add("Cookie", AdminConsole.CookieName + "=" + signedIn.SessionCookie);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PostgreSqlHost.BackupsByPostgreSql, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A started web host on PostgreSQL, stopped and disposed at the end of the test.</summary>
    private sealed class RunningHost(WebApplication app) : IAsyncDisposable
    {
        public WebApplication App { get; } = app;

        /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
        public string Address => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        public static async Task<RunningHost> StartAsync(string connection, string dbPath, TimeProvider? clock = null)
        {
            var app = ServeVerb.BuildApp(
                ["--urls", "http://127.0.0.1:0", "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection, "--Storage:Path", dbPath],
                s =>
                {
                    if (clock is not null)
                    {
                        s.AddSingleton(clock);
                    }
                });
            try
            {
                await PdBotServices.PrepareAsync(app.Services, default);
                await app.StartAsync();
                return new RunningHost(app);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="run"/> with environment variables set, then puts them back (the tests run one at a time).</summary>
    private static async Task<T> WithEnvironmentAsync<T>(Dictionary<string, string?> variables, Func<Task<T>> run)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            return await run();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
