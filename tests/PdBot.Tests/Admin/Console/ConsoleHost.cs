using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdBot.Bot.Cli;
using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Requests;
using PdBot.Core.Turns;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// The real PdBot host with the admin console on Kestrel (127.0.0.1, random port), a LiteDB file in a temp
/// folder, a fake clock, and three accounts: anna (admin), oleg (operator), irina (auditor).
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string Password = "correct-horse-42";
    public const string AdminLogin = "anna";
    public const string OperatorLogin = "oleg";
    public const string AuditorLogin = "irina";

    private readonly TempFolder _folder;

    private ConsoleHost(WebApplication app, string address, FakeTimeProvider clock, TempFolder folder)
    {
        App = app;
        Address = address;
        Clock = clock;
        _folder = folder;
    }

    public WebApplication App { get; }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string Address { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => App.Services;

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public string DbPath => _folder.File("pdbot.db");

    public string Url(string path) => Address + path;

    public static async Task<ConsoleHost> StartAsync(params string[] extraArgs)
    {
        var folder = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        string[] args = ["--urls", "http://127.0.0.1:0", "--Storage:Path", folder.File("pdbot.db"), .. extraArgs];
        var app = ServeVerb.BuildApp(args, s => s.AddSingleton<TimeProvider>(clock));
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var host = new ConsoleHost(app, address, clock, folder);
        var enrollment = app.Services.GetRequiredService<AdminEnrollment>();
        Assert.Null(await enrollment.CreateAsync(AdminLogin, AdminRole.Admin, Password, Actors.Cli));
        Assert.Null(await enrollment.CreateAsync(OperatorLogin, AdminRole.Operator, Password, Actors.Cli));
        Assert.Null(await enrollment.CreateAsync(AuditorLogin, AdminRole.Auditor, Password, Actors.Cli));
        return host;
    }

    /// <summary>A conversation with the bot as a person on a platform channel (no platform server: replies are captured).</summary>
    public TestFlow Chat(string userId, string channel = "telegram")
    {
        var adapter = new TestAdapter(channel, userId);
        Services.GetRequiredService<TurnPipeline>().Attach(adapter);
        return new TestFlow(adapter, Services.GetRequiredService<IBot>());
    }

    /// <summary>Gives the mailing consent as the person would: /start, tick, «Отправить».</summary>
    public Task GiveMailingConsentAsync(string userId, string channel = "telegram") =>
        Chat(userId, channel).Send("/start").SkipReplies().Press("☐ Согласен(на) на рассылку").SkipReplies().Press("Отправить").SkipReplies().StartTestAsync();

    public List<AuditEntry> AdminEntries(string evt) =>
        [.. Audit.ReadAll().Where(e => e.Kind == AdminEvents.Kind && e.Event == evt)];

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
