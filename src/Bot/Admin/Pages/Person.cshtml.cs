using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.People;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>One person: who they are on which channel, their consents now, and everything that happened, oldest first.</summary>
public sealed class PersonModel(IConsentStore consents, IAuditLog audit, IRequestStore requests, PdBot.Core.Outbox.IOutbox outbox, PdBot.Core.Mailings.IMailingStore mailings, ConsentCatalog catalog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public PersonTimeline? Timeline { get; private set; }

    /// <summary>The purpose a mailing row's consent version and hash belong to.</summary>
    public string MailingPurpose => catalog.Mailing.Id;

    public string PurposeTitle(string? purposeId) => RussianLabels.Purpose(catalog, purposeId);

    public string DetailText(string? detail) => RussianLabels.Detail(detail, catalog);

    /// <summary>The version people are asked to agree to now, to tell a stale consent at a glance.</summary>
    public int? CurrentVersion(string purposeId) => catalog.Find(purposeId)?.Version;

    public async Task<IActionResult> OnGetAsync()
    {
        // Nothing is shown for an unknown id, so there is nothing to audit.
        if (string.IsNullOrWhiteSpace(Id) || consents.FindPersonById(Id) is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        await AuditViewAsync("person timeline", Id);
        Timeline = PersonTimeline.Load(Id, consents, audit, requests, outbox, mailings, catalog.Mailing.Id);
        return Page();
    }
}
