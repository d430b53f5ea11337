using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Hosting;
using PdBot.Bot.Hosting.PostgreSql;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Patients;
using PdBot.Core.Reviews;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>Storage:Provider = PostgreSql: the purpose stores registered for LiteDB give way to the PostgreSQL ones.</summary>
public sealed class PurposePgRegistrationTests
{
    [Fact]
    public async Task The_PostgreSQL_purpose_stores_replace_the_LiteDB_ones_and_are_erasers_and_copy_targets_once_each()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddPurposes();
        services.AddSingleton<LiteMailingStore>();
        services.AddSingleton<IMailingStore>(sp => sp.GetRequiredService<LiteMailingStore>());
        services.AddPostgreSqlStorage(PgServer.CreateDatabase());
        await using var provider = services.BuildServiceProvider();

        var conversations = Assert.IsType<PgConversationStore>(Assert.Single(provider.GetServices<IConversationStore>()));
        var leads = Assert.IsType<PgLeadStore>(Assert.Single(provider.GetServices<ILeadStore>()));
        var reviews = Assert.IsType<PgReviewStore>(Assert.Single(provider.GetServices<IReviewStore>()));
        var patients = Assert.IsType<PgPatientStore>(Assert.Single(provider.GetServices<IPatientStore>()));
        var mailings = Assert.IsType<PgMailingStore>(Assert.Single(provider.GetServices<IMailingStore>()));

        var erasers = provider.GetServices<IPgPersonDataEraser>().ToList();
        Assert.All(new IPgPersonDataEraser[] { conversations, leads, reviews, patients }, e => Assert.Single(erasers, x => ReferenceEquals(x, e)));
        var targets = provider.GetServices<IPgCopyTarget>().ToList();
        Assert.All(new IPgCopyTarget[] { conversations, leads, reviews, patients, mailings }, t => Assert.Single(targets, x => ReferenceEquals(x, t)));
        Assert.Empty(provider.GetServices<IPersonDataEraser>());
    }
}
