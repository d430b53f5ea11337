using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One conversation: the thread, the reply form, close and reopen. Opening it is a <c>viewed</c> audit entry and, for
/// an operator, marks it read; every action is checked for the role here, the antiforgery token by Razor Pages, and
/// the conversation's state and the person's by <see cref="ConversationService"/>.
/// </summary>
public sealed class InboxDetailModel(ConversationService conversations) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Core.Conversations.Conversation Current { get; private set; } = null!;

    public IReadOnlyList<ConversationMessage> Messages { get; private set; } = [];

    /// <summary>Why a reply cannot be sent to this person now (erased, blocked, blocked the bot), or null.</summary>
    public string? CannotReach { get; private set; }

    public int MaxReplyLength => InboxTexts.MaxReplyLength;

    public int RetentionDays => conversations.Options.RetentionDays;

    /// <summary>A refused reply's text, put back into the form so nothing typed is lost.</summary>
    public string? Draft { get; private set; }

    /// <summary>Why the reply in <see cref="Draft"/> was refused.</summary>
    public string? ReplyError { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(string? text)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var result = await conversations.ReplyAsync(Id, AdminLogin, text, HttpContext.RequestAborted);
        if (result.Ok)
        {
            return Done(result);
        }

        // Refused: the page again with the text in the form (a redirect would lose it).
        (Draft, ReplyError) = (text, result.Message);
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCloseAsync() => ActAsync(ct => conversations.CloseAsync(Id, AdminLogin, ct));

    public Task<IActionResult> OnPostReopenAsync() => ActAsync(ct => conversations.ReopenAsync(Id, AdminLogin, ct));

    public static string Time(DateTime utc) => AdminFormat.Time(utc);

    // The role is checked before anything else, so a forged post from an auditor changes nothing and says nothing.
    private async Task<IActionResult> ActAsync(Func<CancellationToken, Task<RequestResult>> action)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        return Done(await action(HttpContext.RequestAborted));
    }

    // Post-redirect-get: a reload does not send the reply again.
    private LocalRedirectResult Done(RequestResult result)
    {
        (Flash, FlashIsError) = (result.Message, !result.Ok);
        return LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/admin/inbox/{Id}"));
    }

    private async Task<bool> LoadAsync()
    {
        // An auditor reads without marking read: the messages still wait for an operator.
        if (await conversations.ViewAsync(Id, AdminLogin, markRead: CanAct, HttpContext.RequestAborted) is not { } c)
        {
            return false;
        }

        Current = c;
        Messages = conversations.Store.Messages(c.Id);
        CannotReach = ConversationService.Unreachable(Service<IConsentStore>().FindPersonById(c.PersonId));
        return true;
    }
}
