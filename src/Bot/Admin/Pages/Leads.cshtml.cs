using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Leads;
using PdBot.Core.Consent;
using PdBot.Core.Leads;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Consultation requests (policy 2.3.1), newest first, phones masked; admins and operators only.</summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class LeadsModel(ILeadStore store, ConsentCatalog catalog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public LeadState? State { get; set; }

    public IReadOnlyList<LeadRow> Rows { get; private set; } = [];

    public static IEnumerable<LeadState> Filters => Enum.GetValues<LeadState>().Where(s => s != LeadState.Filling);

    public async Task<IActionResult> OnGetAsync()
    {
        if (State == LeadState.Filling)
        {
            State = null;
        }

        // The list ties preferred times and masked phones to people: seeing it is seeing personal data.
        await AuditViewAsync("lead list" + (State is { } s ? $" (state {s})" : ""));
        var days = catalog.Consultation?.RetentionDays ?? 30;
        Rows = [.. store.List(State).Select(l => LeadRow.Of(l, days))];
        return Page();
    }
}
