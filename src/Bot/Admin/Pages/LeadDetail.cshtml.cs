using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Leads;
using PdBot.Core.Consent;
using PdBot.Core.Leads;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One consultation request: the only place its full phone is shown (each opening is a <c>viewed</c> audit entry), its
/// history, and the operators' actions exactly as <see cref="LeadMachine"/> permits, each audited by <see cref="LeadService"/>.
/// </summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class LeadDetailModel(LeadService leads, ConsentCatalog catalog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Lead Current { get; private set; } = null!;

    public LeadRow Row { get; private set; } = null!;

    public IReadOnlyList<LeadTrigger> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (leads.Store.Find(Id) is not { } lead || lead.State == LeadState.Filling)
        {
            return NotFound();
        }

        await AuditViewAsync($"lead {lead.Id}", lead.PersonId);
        Current = lead;
        Row = LeadRow.Of(lead, catalog.Consultation?.RetentionDays ?? 30);
        Actions = new LeadMachine(lead).OperatorActions;
        return Page();
    }

    /// <summary>One of the buttons: the trigger comes from the form and is checked against the machine again.</summary>
    public async Task<IActionResult> OnPostActAsync([FromForm] string? trigger)
    {
        if (leads.Store.Find(Id) is not { } lead || lead.State == LeadState.Filling)
        {
            return NotFound();
        }

        if (!Enum.TryParse<LeadTrigger>(trigger, out var t) || !new LeadMachine(lead).OperatorActions.Contains(t)
            || !await leads.ActAsync(Id, t, AdminLogin, HttpContext.RequestAborted))
        {
            return Back($"Это действие недоступно: заявка № {Id} {LeadTexts.State(lead.State)}. Ничего не изменено.", error: true);
        }

        return Back($"Заявка № {Id}: {LeadTexts.State(leads.Store.Find(Id)!.State)}.");
    }

    private RedirectResult Back(string flash, bool error = false)
    {
        (Flash, FlashIsError) = (flash, error);
        return Redirect($"/admin/leads/{Id}");
    }
}
