using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PdBot.Adapters.Vk.Api;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Vk;

/// <summary>
/// The VK channel: callback buttons (☐ ↔ ☑ redrawn with messages.edit, presses answered with
/// sendMessageEventAnswer), text buttons for clients without them. Every send carries a random_id
/// derived from what is being answered, so a retry — ours or after a crash — can never double-send.
/// </summary>
public sealed class VkAdapter : BotAdapter
{
    private const string SendCount = "vk-sends";
    private readonly VkApi _api;
    private readonly IInbox _inbox;
    private readonly IBot _bot;
    private readonly TimeProvider _time;

    public VkAdapter(VkApi api, IInbox inbox, IBot bot, IEnumerable<IMiddleware> middleware, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        (_api, _inbox, _bot, _time) = (api, inbox, bot, time);
        foreach (var m in middleware)
        {
            Use(m);
        }
    }

    public Task ProcessAsync(InboxItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (UnreachableNotice.ChatIdOf(item) is { } peer)
        {
            return ProcessActivityAsync(new Activity { Type = ActivityType.Unsubscribed, ChannelId = VkActivityMapper.Channel, UserId = peer, ChatId = peer, MessageId = "send-refused" }, _bot, ct);
        }

        using var doc = JsonDocument.Parse(item.Payload);
        var activity = VkActivityMapper.ToActivity(doc.RootElement);
        return activity is null ? Task.CompletedTask : ProcessActivityAsync(activity, _bot, ct);
    }

    public override async Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(message);
        var n = turn.TurnState.TryGetValue(SendCount, out var c) ? (int)c + 1 : 1;
        turn.TurnState[SendCount] = n;
        var peer = long.Parse(turn.Activity.ChatId, CultureInfo.InvariantCulture);
        try
        {
            var id = await _api.Messages.SendAsync(new MessagesSendParams
            {
                PeerId = peer,
                RandomId = RandomId($"{turn.Activity.DedupeKey ?? turn.Activity.MessageId}:{n}:{peer}"),
                Message = message.Text,
                Keyboard = message.Buttons.Count == 0 ? null : Keyboard(message.Buttons, turn.Activity.TextButtonsOnly),
            }, cancellationToken);
            return id.ToString(CultureInfo.InvariantCulture);
        }
        catch (VkApiException e) when (e.ErrorCode is 900 or 901 or 902)
        {
            // The person denied or cannot receive messages: stop the mailing, like message_deny.
            await _inbox.TryAddAsync(UnreachableNotice.Create(VkActivityMapper.Channel, turn.Activity.ChatId, _time), cancellationToken);
            return "";
        }
    }

    public override async Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var a = turn.Activity;
        var snackbar = hint is { Length: > 0 and <= EventData.MaxSnackbarText };
        if (a.ButtonPressId is { } eventId)
        {
            await _api.Messages.SendMessageEventAnswerAsync(eventId, long.Parse(a.UserId, CultureInfo.InvariantCulture), long.Parse(a.ChatId, CultureInfo.InvariantCulture),
                snackbar ? new EventData { Type = MessageEventType.ShowSnackbar, Text = hint } : null, cancellationToken);
        }

        if (!string.IsNullOrEmpty(hint) && (a.ButtonPressId is null || !snackbar))
        {
            // Text-button clients have no snackbar, and a snackbar holds 90 characters: then the hint is a message, whole.
            await SendAsync(turn, new BotMessage(hint), cancellationToken);
        }
    }

    public override async Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (messageId == VkActivityMapper.TextPressReply)
        {
            // No message to redraw for a text button: show the new buttons with the current state.
            await SendCurrentStateAsync(turn, buttons, cancellationToken);
            return;
        }

        var peer = long.Parse(turn.Activity.ChatId, CultureInfo.InvariantCulture);
        var cmid = long.Parse(messageId, CultureInfo.InvariantCulture);

        // messages.edit wants the text even when only the keyboard changes, and the press carries only the message's number.
        var shown = await _api.Messages.GetByConversationMessageIdAsync(peer, [cmid], cancellationToken);
        if (shown.FirstOrDefault(m => m.ConversationMessageId == cmid) is not { Text.Length: > 0 } message)
        {
            await SendCurrentStateAsync(turn, buttons, cancellationToken);
            return;
        }

        try
        {
            await _api.Messages.EditAsync(new MessageEditParams
            {
                PeerId = peer,
                ConversationMessageId = cmid,
                Message = message.Text,
                Keyboard = Keyboard(buttons, false),
                KeepForwardMessages = true,
            }, cancellationToken);
        }
        catch (MessageEditExpiredException)
        {
            await SendCurrentStateAsync(turn, buttons, cancellationToken);
        }
    }

    /// <summary>A positive int32 from a stable key: the same answer to the same event always gets the same random_id.</summary>
    public static long RandomId(string key)
    {
        var v = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & 0x7FFFFFFF;
        return v == 0 ? 1 : v;
    }

    private static MessageKeyboard Keyboard(IReadOnlyList<IReadOnlyList<Button>> rows, bool textOnly)
    {
        // An inline VK keyboard has at most 6 rows: a longer menu goes two buttons a row.
        if (rows.Count > 6)
        {
            rows = [.. rows.SelectMany(r => r).Chunk(2).Select(r => (IReadOnlyList<Button>)r)];
        }

        var k = new KeyboardBuilder().SetInline(!textOnly);
        var first = true;
        foreach (var row in rows)
        {
            if (!first)
            {
                k.AddLine();
            }

            first = false;
            foreach (var b in row)
            {
                // An ordinary button gets no colour: VK's schema names the plain one "default", its keyboard page "secondary".
                var color = b.Label.StartsWith('☑') ? KeyboardButtonColor.Positive : b.Label == "Отправить" ? KeyboardButtonColor.Primary : KeyboardButtonColor.Default;
                if (textOnly)
                {
                    k.AddButton(b.Label, VkActivityMapper.Wrap(b.Payload), color);
                }
                else
                {
                    k.AddCallbackButton(b.Label, VkActivityMapper.Wrap(b.Payload), color);
                }
            }
        }

        return k.Build();
    }

    private async Task SendCurrentStateAsync(ITurnContext turn, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken ct)
    {
        if (buttons.Count > 0)
        {
            await SendAsync(turn, new BotMessage("Текущее состояние:", buttons), ct);
        }
    }
}
