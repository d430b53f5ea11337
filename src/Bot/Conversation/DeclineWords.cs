using PdBot.Core.Text;

namespace PdBot.Bot.Conversation;

/// <summary>
/// «Нет», «Не согласен», «Отказаться»: typed under an open consent form they decline that form
/// (the prompt's footer promises it), whichever purpose it is.
/// </summary>
public static class DeclineWords
{
    private static readonly string[] Phrases =
    [
        "нет", "no", "не надо", "не нужно", "не хочу", "не согласен", "не согласна", "не согласен на", "не согласен а",
        "несогласен", "несогласна", "не соглашаюсь", "не даю согласие", "не даю согласия", "отказаться", "отказываюсь",
        "откажусь", "отказ", "я отказываюсь",
    ];

    private static readonly string[] Fillers = ["нет", "спасибо", "пожалуйста", "ну", "пока", "наверное", "я", "уж", "уже"];

    /// <summary>A short «no» to the form: «Нет», «нет, спасибо», «Не согласна.», «Отказаться».</summary>
    public static bool IsDecline(string? text)
    {
        var words = ChatText.Words(text);
        if (words.Count == 0)
        {
            return false;
        }

        var rest = string.Join(' ', words.Where(w => !Fillers.Contains(w)));
        return Phrases.Contains(string.Join(' ', words)) || Phrases.Contains(rest) || (rest.Length == 0 && words.Contains("нет"));
    }

    /// <summary>
    /// Policy 5.2.1's own word («Отказаться»): it declines an open form even while a request form waits for an
    /// answer, where a bare «нет» is that form's answer.
    /// </summary>
    public static bool IsRefusal(string? text) => IsDecline(text) && ChatText.Words(text).Any(w => w.StartsWith("отказ", StringComparison.Ordinal) || w.StartsWith("откаж", StringComparison.Ordinal));
}
