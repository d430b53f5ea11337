using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.People;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The evidence pack downloads: /admin/people/{id}/evidence.json, .csv and .zip, each audited as an export.</summary>
public sealed class PersonEvidenceModel(IConsentStore consents, IAuditLog audit, IRequestStore requests, PdBot.Core.Outbox.IOutbox outbox, PdBot.Core.Mailings.IMailingStore mailings, ConsentCatalog catalog, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var format = Format.ToLowerInvariant();
        if (format is not ("json" or "csv" or "zip"))
        {
            return NotFoundText("Такого формата нет: json, csv или zip.");
        }

        if (string.IsNullOrWhiteSpace(Id) || consents.FindPersonById(Id) is null)
        {
            return NotFoundText("Субъект не найден.");
        }

        // Audited first, so the pack's own access log and chain check include this export.
        await AuditExportAsync("evidence pack " + format, Id);
        var timeline = PersonTimeline.Load(Id, consents, audit, requests, outbox, mailings, catalog.Mailing.Id)!;
        var ledgers = PdBot.Core.Mailings.LedgerCheck.Run(audit.OfKind(PdBot.Core.Mailings.MailingEvents.Kind), mailings);
        var pack = new EvidencePack(timeline, consents, catalog, audit.Verify(), time.GetUtcNow().UtcDateTime, AdminLogin) { Ledgers = ledgers };
        return format switch
        {
            "json" => File(pack.Json(), "application/json; charset=utf-8", pack.FileName("json")),
            "csv" => File(pack.Csv(), "text/csv; charset=utf-8", pack.FileName("csv")),
            _ => File(pack.Zip(), "application/zip", pack.FileName("zip")),
        };
    }

    private static ContentResult NotFoundText(string message) =>
        new() { StatusCode = StatusCodes.Status404NotFound, Content = message, ContentType = "text/plain; charset=utf-8" };
}
