using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Core.Turns;

namespace PdBot.Bot.Hosting;

/// <summary>The services every entry point shares: the web host and the CLI verbs.</summary>
public static class PdBotServices
{
    public static IServiceCollection AddPdBot(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = PdBotConfiguration.Storage(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<OperatorOptions>().BindConfiguration("Operator")
            .Validate(o => !o.Validate().Any(), "Operator: нужны название оператора (Name) и абсолютный адрес политики (PolicyUrl)").ValidateOnStart();
        services.AddOptions<ConsentOptions>().BindConfiguration("Consent");
        services.AddOptions<StorageOptions>().BindConfiguration("Storage");
        services.AddSingleton(sp => new ConsentCatalog(
            configuration.GetSection("Purposes").Get<List<PurposeOptions>>() ?? [],
            sp.GetRequiredService<IOptions<ConsentOptions>>().Value));
        services.AddSingleton(_ => ProductionCalendar.Create(configuration["Calendar:File"]));
        services.AddStorage();
        services.AddOptions<PdBot.Core.Mailings.MailingOptions>().BindConfiguration("Mailings");
        services.AddSingleton(sp => new PdBot.Core.Mailings.MailingService(
            sp.GetRequiredService<PdBot.Core.Mailings.IMailingStore>(),
            sp.GetRequiredService<IOptions<PdBot.Core.Mailings.MailingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddRequests();
        services.AddAlerts(configuration);
        services.AddIncidents(configuration);
        services.AddSingleton<RetentionService>();
        services.AddSingleton<DeadlineAlerts>();
        services.AddSingleton<RetentionWorker>();
        services.AddSingleton<OutboxDeliveryMiddleware>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<LiteInbox>();
        services.AddSingleton<PdBot.Core.Inbox.IInbox>(sp => sp.GetRequiredService<LiteInbox>());
        services.AddSingleton<IPersonDataEraser>(sp => sp.GetRequiredService<LiteInbox>());

        // The platform channels' processing: per-person turns committed with their replies, senders at the platforms' pace.
        services.AddOptions<ProcessingOptions>().BindConfiguration("Processing");
        services.AddSingleton<ITurnTransactions, LiteTurnTransactions>();
        services.AddSingleton<IWithdrawalRecognizer, PdBot.Bot.Conversation.Unsubscribe.WithdrawalRecognizer>();
        services.AddSingleton<ChannelServices>();
        services.AddSingleton<PdBot.Adapters.Mailings.MailingRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<PdBot.Adapters.Mailings.MailingRunner>());
        services.AddTelegram(configuration);
        services.AddVk(configuration);
        services.AddSingleton<RequestDialog>();
        services.AddPurposes();
        services.AddAuthority();
        services.AddSingleton<IBot, ConsentBot>();
        services.AddSingleton<TurnLockMiddleware>();
        services.AddSingleton<LiteAdminAccounts>()
            .AddSingleton<PdBot.Core.Admin.IAdminAccounts>(sp => sp.GetRequiredService<LiteAdminAccounts>())
            .AddSingleton<PdBot.Core.Admin.IAdminPasswordHasher, PdBot.Bot.Admin.AdminPasswordHasher>()
            .AddSingleton<PdBot.Core.Admin.AdminAccountLocks>()
            .AddSingleton<PdBot.Core.Admin.SignInFailureBurst>()
            .AddSingleton<PdBot.Core.Admin.AdminSignIn>()
            .AddSingleton<PdBot.Core.Admin.AdminAccountChanges>()
            .AddSingleton<PdBot.Core.Admin.AdminEnrollment>();
        services.AddBackups(daily: !storage.IsPostgreSql);
        if (storage.IsPostgreSql)
        {
            services.AddPostgreSqlHost(storage.ConnectionString!);
        }

        return services;
    }

    private static void AddRequests(this IServiceCollection services)
    {
        services.AddOptions<RequestOptions>().BindConfiguration("Requests");
        services.AddSingleton(sp => new DeadlineTable(sp.GetRequiredService<IOptions<RequestOptions>>().Value.PolicyDays));
        services.AddSingleton<LiteRequestStore>();
        services.AddSingleton<IRequestStore>(sp => sp.GetRequiredService<LiteRequestStore>());
        services.AddSingleton<PdBot.Core.Outbox.IOutbox>(sp => sp.GetRequiredService<LiteRequestStore>());
        services.AddOptions<RetentionOptions>().BindConfiguration("Retention");
        services.AddSingleton(sp => new RequestService(
            sp.GetRequiredService<IRequestStore>(),
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<ConsentCatalog>(),
            sp.GetRequiredService<DeadlineTable>(),
            sp.GetRequiredService<ProductionCalendar>(),
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IAccessReportSection>()));
    }

    private static void AddStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LiteDbStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<LiteAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<LiteAuditLog>());
        services.AddSingleton<LiteConsentStore>();
        services.AddSingleton<IConsentStore>(sp => sp.GetRequiredService<LiteConsentStore>());
        services.AddSingleton<LiteMailingStore>();
        services.AddSingleton<PdBot.Core.Mailings.IMailingStore>(sp => sp.GetRequiredService<LiteMailingStore>());
        services.AddSingleton<PdBot.Core.ApiKeys.IApiKeyStore, LiteApiKeys>();
        services.AddSingleton<PdBot.Core.ApiKeys.ApiKeyService>();
    }

    /// <summary>Start-up checks that need the store: encryption (LiteDB) or the schema (PostgreSQL), text versions and renewals.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("PdBot");
        if (services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgreSql)
        {
            await PostgreSqlHost.PrepareAsync(services, log, cancellationToken);
        }
        else
        {
            StorageAtRest.Check(services);
        }

        var marked = await ConsentRenewal.RunAsync(
            services.GetRequiredService<IConsentStore>(),
            services.GetRequiredService<ConsentCatalog>(),
            services.GetRequiredService<TimeProvider>(),
            cancellationToken);
        foreach (var conflict in services.GetRequiredService<DeadlineTable>().PolicyConflicts())
        {
            log.LogWarning("Deadline: {Conflict}", conflict);
        }

        if (marked > 0)
        {
            log.LogWarning("{Count} consents were given to an older text version and now need renewal", marked);
        }
    }
}
