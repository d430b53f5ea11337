using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PdBot.Adapters.Inbox;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Vk.Api;
using PdBot.Core.Inbox;
using PdBot.Core.Mailings;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Vk;

/// <summary>
/// The VK channel's mapping (stored event → activity) and its API calls for the outbox: callback buttons (☐ ↔ ☑
/// redrawn with messages.edit, presses answered with sendMessageEventAnswer), text buttons for clients without them.
/// Every send carries a random_id derived from the message's dedupe key, so a retry — ours or after a crash — can
/// never double-send: VK drops the repeat.
/// </summary>
public sealed class VkAdapter(VkApi api) : IPlatformClient, IMailingClient
{
    /// <summary>20 requests a second per token; per chat the same gentle pace as Telegram. A repeat is safe (random_id).</summary>
    public static readonly SendLimits VkLimits = new(20, 5, TimeSpan.FromSeconds(1), AtMostOnce: false);

    public const string CurrentState = "Текущее состояние:";

    public string Channel => VkActivityMapper.Channel;

    public SendLimits Limits => VkLimits;

    /// <summary>messages.send with peer_ids: one text to up to 100 people in one call.</summary>
    public int MaxRecipientsPerCall => MessagesCategory.MaxPeerIds;

    /// <summary>The activity a stored event stands for (null: nothing for the bot); a refused send's notice is an "unsubscribed".</summary>
    public static Activity? ToActivity(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (UnreachableNotice.ChatIdOf(item) is { } peer)
        {
            return new Activity { Type = ActivityType.Unsubscribed, ChannelId = VkActivityMapper.Channel, UserId = peer, ChatId = peer, MessageId = "send-refused" };
        }

        using var doc = JsonDocument.Parse(item.Payload);
        return VkActivityMapper.ToActivity(doc.RootElement);
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            switch (message.Action)
            {
                case OutboxAction.Answer:
                    await AnswerAsync(message, cancellationToken);
                    break;
                case OutboxAction.Edit:
                    await EditAsync(message, cancellationToken);
                    break;
                default:
                    await SendAsync(message, "", message.Text, OutboxButtons.Read(message.Buttons), cancellationToken);
                    break;
            }

            return DeliveryResult.Ok;
        }
        catch (VkApiException e)
        {
            return Classify(e, message.Action);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(DeliveryStatus.Retry, Error: e.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryStatus.Retry, Error: "timeout");
        }
        catch (Exception e) when (e is FormatException or ArgumentNullException or OverflowException)
        {
            // A stored call without a usable chat or message id: no attempt can succeed.
            return new DeliveryResult(DeliveryStatus.Failed, Error: "malformed chat or message id");
        }
    }

    /// <summary>
    /// One mailing message to up to 100 peers, with its intent (advertising: promo_newsletter, informational:
    /// non_promo_newsletter) and the call's random_id, so a resend after a crash is dropped by VK for whoever got it.
    /// </summary>
    public async Task<IReadOnlyList<MailingRecipientResult>> SendMailingAsync(MailingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            var sent = await api.Messages.SendToUserIdsAsync(new MessagesSendParams
            {
                PeerIds = [.. call.ChatIds.Select(c => long.Parse(c, CultureInfo.InvariantCulture))],
                RandomId = call.RandomId,
                Message = call.Message.Text,
                Keyboard = Keyboard(call.Message.Buttons, false),
                Intent = call.Kind == MailingKind.Advertising ? MessageIntent.PromoNewsletter : MessageIntent.NonPromoNewsletter,
            }, cancellationToken);
            var byPeer = sent.GroupBy(r => r.PeerId).ToDictionary(g => g.Key, g => g.First());
            return [.. call.ChatIds.Select(chat => Outcome(chat, byPeer.GetValueOrDefault(long.Parse(chat, CultureInfo.InvariantCulture))))];
        }
        catch (VkApiException e)
        {
            return MailingRecipientResult.ForAll(call.ChatIds, Classify(e, OutboxAction.Send), e.ErrorCode > 0 ? e.ErrorCode : e.HttpStatus);
        }
        catch (HttpRequestException e)
        {
            return MailingRecipientResult.ForAll(call.ChatIds, new DeliveryResult(DeliveryStatus.Retry, Error: e.HttpRequestError.ToString()), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MailingRecipientResult.ForAll(call.ChatIds, new DeliveryResult(DeliveryStatus.Retry, Error: "timeout"), null);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return MailingRecipientResult.ForAll(call.ChatIds, new DeliveryResult(DeliveryStatus.Failed, Error: "malformed peer id"), null);
        }
    }

    /// <summary>How a VK error is taken (its message holds the code and VK's words only: no peer, no text).</summary>
    public static DeliveryResult Classify(VkApiException error, string action)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = error.Message;
        return error switch
        {
            { ErrorCode: VkErrorCodes.CannotSendBlacklisted or VkErrorCodes.CannotSendToUserFirstly or VkErrorCodes.CannotSendDuePrivacy } =>
                new DeliveryResult(DeliveryStatus.Unreachable, Error: text),
            { ErrorCode: VkErrorCodes.Unknown or VkErrorCodes.TooManyRequestsPerSecond or VkErrorCodes.FloodControl or VkErrorCodes.PublicServerError } =>
                new DeliveryResult(DeliveryStatus.Retry, Error: text),
            { HttpStatus: >= 500 or 429 } => new DeliveryResult(DeliveryStatus.Retry, Error: text),
            _ when action == OutboxAction.Send => new DeliveryResult(DeliveryStatus.Failed, Error: text),
            _ => new DeliveryResult(DeliveryStatus.Dropped, Error: text),
        };
    }

    /// <summary>A positive int32 from a stable key: the same answer to the same event always gets the same random_id.</summary>
    public static long RandomId(string key)
    {
        var v = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) & 0x7FFFFFFF;
        return v == 0 ? 1 : v;
    }

    private static MailingRecipientResult Outcome(string chat, MessagesSendResult? r) => r switch
    {
        null => new MailingRecipientResult(chat, DeliveryStatus.Failed, Error: "no result for the peer"),
        { ErrorCode: { } code } => Refused(chat, code, r.ErrorDescription),
        _ => new MailingRecipientResult(chat, DeliveryStatus.Sent, r.MessageId?.ToString(CultureInfo.InvariantCulture)),
    };

    // A peer's own error in the array: taken like the same error for a single send.
    private static MailingRecipientResult Refused(string chat, int code, string? description)
    {
        var result = Classify(VkApiException.Create(code, description), OutboxAction.Send);
        return new MailingRecipientResult(chat, result.Status, null, result.Error, code);
    }

    private static string Key(OutboxMessage m) => m.DedupeKey ?? $"outbox-{m.Id}";

    private static long Peer(OutboxMessage m) => long.Parse(m.ChatId, CultureInfo.InvariantCulture);

    /// <summary>One messages.send; <paramref name="part"/> tells apart the sends one outbox call may make (the hint, the current state).</summary>
    private async Task SendAsync(OutboxMessage m, string part, string text, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken ct) =>
        await api.Messages.SendAsync(new MessagesSendParams
        {
            PeerId = Peer(m),
            RandomId = RandomId(Key(m) + part),
            Message = text,
            Keyboard = buttons.Count == 0 ? null : Keyboard(buttons, m.TextButtonsOnly),
        }, ct);

    private async Task AnswerAsync(OutboxMessage m, CancellationToken ct)
    {
        var hint = m.Text;
        var snackbar = hint is { Length: > 0 and <= EventData.MaxSnackbarText };
        if (m.PressId is { } eventId)
        {
            await api.Messages.SendMessageEventAnswerAsync(eventId, long.Parse(m.UserId ?? m.ChatId, CultureInfo.InvariantCulture), Peer(m),
                snackbar ? new EventData { Type = MessageEventType.ShowSnackbar, Text = hint } : null, ct);
        }

        if (!string.IsNullOrEmpty(hint) && (m.PressId is null || !snackbar))
        {
            // Text-button clients have no snackbar, and a snackbar holds 90 characters: then the hint is a message, whole.
            await SendAsync(m, ":hint", hint, [], ct);
        }
    }

    private async Task EditAsync(OutboxMessage m, CancellationToken ct)
    {
        var buttons = OutboxButtons.Read(m.Buttons);
        if (m.EditMessageId is not { } messageId || messageId == VkActivityMapper.TextPressReply)
        {
            // No message to redraw for a text button: show the new buttons with the current state.
            await SendCurrentStateAsync(m, buttons, ct);
            return;
        }

        var peer = Peer(m);
        var cmid = long.Parse(messageId, CultureInfo.InvariantCulture);

        // messages.edit wants the text even when only the keyboard changes, and the press carries only the message's number.
        var shown = await api.Messages.GetByConversationMessageIdAsync(peer, [cmid], ct);
        if (shown.FirstOrDefault(s => s.ConversationMessageId == cmid) is not { Text.Length: > 0 } message)
        {
            await SendCurrentStateAsync(m, buttons, ct);
            return;
        }

        try
        {
            await api.Messages.EditAsync(new MessageEditParams
            {
                PeerId = peer,
                ConversationMessageId = cmid,
                Message = message.Text,
                Keyboard = Keyboard(buttons, false),
                KeepForwardMessages = true,
            }, ct);
        }
        catch (MessageEditExpiredException)
        {
            await SendCurrentStateAsync(m, buttons, ct);
        }
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
                if (MailingMessage.UrlOf(b) is { } url)
                {
                    k.AddOpenLinkButton(b.Label, url);
                }
                else if (textOnly)
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

    private async Task SendCurrentStateAsync(OutboxMessage m, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken ct)
    {
        if (buttons.Count > 0)
        {
            await SendAsync(m, ":state", CurrentState, buttons, ct);
        }
    }
}
