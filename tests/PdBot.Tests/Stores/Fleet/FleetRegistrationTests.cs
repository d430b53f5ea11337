using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Fleet;

public sealed class FleetRegistrationTests
{
    [Fact]
    public void On_postgresql_the_lease_the_budgets_and_the_signals_replace_the_one_process_defaults()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDeploymentLease>(SingleProcessLease.Instance);
        services.AddOptions<TelegramOptions>().Configure(o => o.Token = "123456:TEST");
        services.AddOptions<VkOptions>();
        services.AddSingleton(_ => new PgStorage(PgServer.CreateDatabase()));
        services.AddFleetPg();

        using var provider = services.BuildServiceProvider();

        var lease = Assert.IsType<PgDeploymentLease>(provider.GetRequiredService<IDeploymentLease>());
        Assert.Same(lease, provider.GetRequiredService<PgDeploymentLease>());
        var budgets = provider.GetRequiredService<ISendBudgets>();
        Assert.IsType<PgSendBudget>(budgets.For(TelegramActivityMapper.Channel, TelegramAdapter.TelegramLimits));
        Assert.Null(budgets.For(VkActivityMapper.Channel, VkAdapter.VkLimits)); // no VK token: no VK channel
        Assert.IsType<PgOutboxSignals>(provider.GetRequiredService<IOutboxSignals>());
        var hosted = provider.GetServices<IHostedService>().Select(h => h.GetType()).ToList();
        Assert.Contains(typeof(PgLeaseRenewal), hosted);
        Assert.Contains(typeof(PgOutboxListener), hosted);
    }

    [Fact]
    public void The_budget_takes_a_tenth_of_the_limit_at_once_and_refills_so_that_no_second_sees_more_than_the_limit()
    {
        var limits = new SendLimits(10, 5, TimeSpan.FromSeconds(1), AtMostOnce: true);
        using var storage = new PgStorage(PgServer.CreateDatabase());
        using var budget = new PgSendBudget(storage, "123456:TEST", limits, TimeProvider.System);

        // A tenth of the limit is taken at once; the refill leaves room for the batch within any one second.
        Assert.Equal(1, budget.Capacity);
        Assert.True(budget.Capacity + (budget.Rate * (1 + PgSendBudget.PermitLife.TotalSeconds)) <= limits.PerSecondOverall + 1e-9);
    }
}
