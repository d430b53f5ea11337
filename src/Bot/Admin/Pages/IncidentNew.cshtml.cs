using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Incidents;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Incidents;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Registering an incident: admins only; a refused form comes back with what was typed and the problems in Russian.</summary>
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class IncidentNewModel(IncidentService incidents) : AdminPageModel
{
    [BindProperty]
    public IncidentForm Form { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => Form.DetectedAt = MailingForm.LocalValue(incidents.Time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnPostAsync()
    {
        var (fields, errors) = Form.ToFields(incidents.Time.GetUtcNow().UtcDateTime);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var incident = await incidents.RegisterAsync(fields, AdminLogin, HttpContext.RequestAborted);
        Flash = $"Инцидент {IncidentTexts.Number(incident.Id)} зарегистрирован: уведомление Роскомнадзора — до {IncidentNotices.Time(incident.NoticeDueUtc)}.";
        return Redirect($"/admin/incidents/{incident.Id}");
    }
}
