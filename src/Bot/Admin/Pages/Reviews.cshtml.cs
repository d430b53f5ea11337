using Microsoft.AspNetCore.Authorization;
using PdBot.Core.Reviews;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The review registry (policy 2.3.1, 5.3): «снять немедленно» on top, then newest first; filtered by state.</summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class ReviewsModel(ReviewService reviews) : AdminPageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public ReviewState? State { get; set; }

    public IReadOnlyList<Review> Rows { get; private set; } = [];

    public void OnGet() =>
        Rows = [.. reviews.Store.List()
            .Where(r => State is null || r.State == State)
            .OrderByDescending(r => r.State == ReviewState.TakeDownNow)
            .ThenByDescending(r => r.Id)];
}
