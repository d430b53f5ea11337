using Microsoft.AspNetCore.Authorization;
using PdBot.Bot.Admin.Incidents;
using PdBot.Core.Incidents;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The incident register (152-FZ Art. 21 part 3.1), newest first, with the hours left to each one's next deadline. Admins act, auditors read.</summary>
[Authorize(Policy = AdminPolicies.Audit)]
public sealed class IncidentsModel(IncidentService incidents) : AdminPageModel
{
    public IReadOnlyList<IncidentRow> Rows { get; private set; } = [];

    public void OnGet()
    {
        var now = incidents.Time.GetUtcNow().UtcDateTime;
        Rows = [.. incidents.Store.List().Select(i => IncidentRow.Of(i, now))];
    }
}
