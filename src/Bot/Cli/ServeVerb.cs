using System.CommandLine;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Admin;
using PdBot.Bot.Api;
using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli;

/// <summary>Runs the web host (also what <c>pdbot</c> does with no verb).</summary>
public static class ServeVerb
{
    public static Command Command(string[] args)
    {
        var command = new Command("serve", "Запустить бота и консоль администратора") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((_, ct) => RunAsync([.. args.Where(a => a != "serve")], ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = BuildApp(args);
        await PdBotServices.PrepareAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        var urls = string.Join(", ", app.Urls);
        app.Logger.LogInformation("PdBot is listening on {Urls}. Admin console: {Console}", urls, app.Urls.First().TrimEnd('/') + AdminConsole.Path);
        if (app.Services.GetRequiredService<PdBot.Core.Admin.IAdminAccounts>().Count() == 0)
        {
            var how = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PdBot.Adapters.LiteDb.StorageOptions>>().Value.IsPostgreSql
                ? "with the same Storage settings: the verb opens the database itself"
                : "as the same user: the verb runs inside this host through its control socket";
            app.Logger.LogInformation(
                "No admin account yet. Create the first one (in another terminal, {How}) with "
                + "`dotnet run --project src/Bot -- admin add --login NAME`, then sign in at {Console}/login",
                how, app.Urls.First().TrimEnd('/') + AdminConsole.Path);
        }
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    public static WebApplication BuildApp(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,

            // The console's compiled pages live in this assembly, also when a test is the entry point.
            ApplicationName = typeof(ServeVerb).Assembly.GetName().Name,
        });
        PdBotConfiguration.AddSources(builder.Configuration, args);
        builder.Services.AddPdBot(builder.Configuration);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        builder.Services.AddAdminConsole(builder.Configuration);
        builder.Services.AddHostedService<Control.ControlSocketHost>();
        builder.Services.AddPdBotApi();
        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapAdminConsole();
        app.MapTelegramWebhook();
        app.MapVkCallback();
        app.MapHealth();
        app.MapPdBotMetrics();
        app.MapPdBotApi();
        app.MapGet("/", () => Results.Redirect(AdminConsole.Path));
        return app;
    }
}
