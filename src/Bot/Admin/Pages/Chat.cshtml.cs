using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Chat;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// The test chat: an admin or operator talks to the bot as a person on the local channel, so the consent
/// flows can be shown without platform tokens. Everything the bot records here is real (channel local).
/// Plain forms and post-redirect-get: no script is needed, and a reload never repeats a message.
/// </summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class ChatModel(WebChatAdapter adapter, WebChatOutboxMiddleware outbox) : AdminPageModel
{
    /// <summary>Telegram's limit for one message; longer input is refused rather than cut.</summary>
    public const int MaxTextLength = 4096;

    public string UserId { get; private set; } = "";

    public static string Channel => WebChatAdapter.Channel;

    public IReadOnlyList<WebChatEntry> Transcript { get; private set; } = [];

    public async Task OnGetAsync()
    {
        UserId = adapter.Sessions.UserIdOf(AdminLogin);

        // Like opening the messenger: what the clinic sent meanwhile (an approved answer) arrives.
        await outbox.DeliverAsync(adapter, HttpContext.RequestAborted);
        Transcript = adapter.Sessions.Transcript(UserId);
    }

    public async Task<IActionResult> OnPostSendAsync([FromForm] string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Back("Сообщение пустое — введите текст. Боту ничего не отправлено.", error: true);
        }

        if (text.Length > MaxTextLength)
        {
            return Back($"Сообщение длиннее {MaxTextLength} символов. Боту ничего не отправлено.", error: true);
        }

        // Not the request's token: a turn runs to its end even if the browser goes away, as a sent message would.
        await adapter.SayAsync(adapter.Sessions.UserIdOf(AdminLogin), text, CancellationToken.None);
        return Back();
    }

    public async Task<IActionResult> OnPostPressAsync([FromForm] string? messageId, [FromForm] string? payload)
    {
        var pressed = !string.IsNullOrEmpty(messageId) && !string.IsNullOrEmpty(payload)
            && await adapter.PressAsync(adapter.Sessions.UserIdOf(AdminLogin), messageId, payload, CancellationToken.None);
        return pressed ? Back() : Back("Этой кнопки больше нет под сообщением — страница обновлена.", error: true);
    }

    public IActionResult OnPostReset()
    {
        var userId = adapter.Sessions.Restart(AdminLogin);
        return Back($"Новый собеседник: {userId}. Бот видит его впервые.");
    }

    private RedirectResult Back(string? flash = null, bool error = false)
    {
        Flash = flash;
        FlashIsError = error;
        return Redirect(AdminConsole.Path + "/chat#chat-text");
    }
}
