using Microsoft.Extensions.Options;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Conversation.Reviews;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Core.Reviews;

namespace PdBot.Bot.Hosting;

/// <summary>Reviews (policy 2.3.1, 5.3): the form, the registry, the take-down on withdrawal, erasure and the access answer.</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration("Reviews");
        services.AddSingleton<LiteReviewStore>();
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<LiteReviewStore>());
        services.AddSingleton<IPersonDataEraser>(sp => sp.GetRequiredService<LiteReviewStore>());
        services.AddSingleton(sp => new ReviewService(
            sp.GetRequiredService<IReviewStore>(),
            sp.GetRequiredService<IOptions<ReviewOptions>>().Value,
            sp.GetRequiredService<IOptions<RequestOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDistributionWithdrawal>(sp => sp.GetRequiredService<ReviewService>());
        services.AddSingleton<IAccessReportSection>(sp => new ReviewAccessSection(sp.GetRequiredService<IReviewStore>()));
        services.AddSingleton<ReviewDialog>();
        return services;
    }
}
