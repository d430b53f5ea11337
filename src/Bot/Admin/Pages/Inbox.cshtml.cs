using PdBot.Bot.Admin.Inbox;
using PdBot.Core.Conversations;
using Microsoft.AspNetCore.Mvc;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The operator inbox: people's conversations, those with unread messages first, then the latest.</summary>
public sealed class InboxModel(ConversationService conversations) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxFilter Show { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Core.Conversations.Conversation> Rows { get; private set; } = [];

    public static string Label(InboxFilter filter) => filter switch
    {
        InboxFilter.Unread => "непрочитанные",
        InboxFilter.All => "все",
        _ => "открытые",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Show))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = "Неизвестный отбор: выберите «непрочитанные», «открытые» или «все».";
            return Page();
        }

        // The list links conversations to people: seeing it is seeing personal data.
        await AuditViewAsync($"входящие, отбор «{Label(Show)}»");
        Rows = [.. conversations.Store.List(openOnly: Show == InboxFilter.Open)
            .Where(c => Show != InboxFilter.Unread || c.Unread > 0)
            .OrderBy(c => c.Unread > 0 ? 0 : 1)
            .ThenByDescending(c => c.LastMessageAtUtc)
            .ThenByDescending(c => c.Id)];
        return Page();
    }
}
