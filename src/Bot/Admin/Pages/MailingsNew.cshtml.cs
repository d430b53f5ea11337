using Microsoft.AspNetCore.Authorization;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Composing a new mailing: admins and operators only (an auditor reads mailings, never writes them).</summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class MailingsNewModel(MailingService mailings) : MailingComposePageModel(mailings)
{
    public override long? MailingId => null;

    public void OnGet()
    {
        Form.Topic = Options.Topics.FirstOrDefault()?.Id;
        Form.Channels = [.. MailingChannels.All];
    }
}
