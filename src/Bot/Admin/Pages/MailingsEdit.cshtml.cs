using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Changing a draft; what was submitted, approved or sent is never rewritten (the service refuses it too).</summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class MailingsEditModel(MailingService mailings, IMailingStore store) : MailingComposePageModel(mailings)
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public override long? MailingId => Id;

    public IActionResult OnGet()
    {
        if (store.Find(Id) is not { } mailing)
        {
            return NotFound();
        }

        if (mailing.State != MailingState.Draft)
        {
            (Flash, FlashIsError) = ($"Рассылку № {Id} нельзя изменить: она {MailingService.StateTitle(mailing.State)}.", true);
            return LocalRedirect($"{AdminConsole.Path}/mailings/{Id}");
        }

        Form = MailingForm.From(mailing);
        return Page();
    }
}
