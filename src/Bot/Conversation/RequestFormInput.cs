using PdBot.Core.Text;
using PdBot.Core.Requests;

namespace PdBot.Bot.Conversation;

/// <summary>What typed text means while the request form is open: a cancel, a command or menu label (never an answer), or an answer.</summary>
public static class RequestFormInput
{
    private static readonly HashSet<string> CancelWords =
    [
        "отмена", "отменить", "отмените", "отмени", "отменяю", "отмена запроса", "отменить запрос", "отмените запрос",
        "отменить заявку", "стоп запрос", "выйти", "выход", "cancel", "/cancel",
    ];

    public static bool IsCancel(string text) => CancelWords.Contains(ChatText.Normalize(text, keepSlash: true));

    /// <summary>
    /// A command, or the label of a menu button, a request or another question's answer, typed: the person is
    /// steering the bot, not answering the question (e.g. «Меню» is not their relationship to the clinic).
    /// </summary>
    public static bool IsNotAnAnswer(string text, IntakeStep step)
    {
        var typed = ChatText.Normalize(text);
        if (text.TrimStart().StartsWith('/'))
        {
            return true;
        }

        var ownChoices = IntakeChoices.For(step).Select(c => ChatText.Normalize(c.Label));
        return Labels().Select(l => ChatText.Normalize(l)).Except(ownChoices).Contains(typed)
            || (typed.StartsWith(ChatText.Normalize(BotTexts.GiveConsentPrefix), StringComparison.Ordinal)
                || typed.StartsWith(ChatText.Normalize(BotTexts.WithdrawConsentPrefix), StringComparison.Ordinal));
    }

    private static IEnumerable<string> Labels() =>
    [
        BotTexts.MenuButton, BotTexts.MyDataButton, BotTexts.SubscribeButton, BotTexts.UnsubscribeButton, BotTexts.SubmitButton,
        RequestPrompts.RestartButton, "Мои данные", "Меню", "Помощь", "Начать", "Старт",
        .. Enum.GetValues<RequestType>().Select(RequestTexts.Title),
        .. IntakeChoices.AllLabels,
    ];
}
