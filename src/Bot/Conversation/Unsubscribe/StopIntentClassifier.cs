using PdBot.Core.Text;
namespace PdBot.Bot.Conversation.Unsubscribe;

/// <summary>
/// Tells a demand to stop the mailing from everything else. Missing a real stop is the costly error (a mailing
/// after a stop breaks Art. 15 of 152-FZ and the advertising law), so a message that is about the mailing and
/// negative but not clear is <see cref="StopIntent.Ask"/>, never <see cref="StopIntent.None"/>.
/// The phrasings it is measured on: tests/PdBot.Tests/Conversations/unsubscribe-phrasings.tsv.
/// </summary>
public static class StopIntentClassifier
{
    private static readonly string[] UnsubscribeStems = ["отпис", "отпиш", "unsubscrib", "unsub", "optout"];
    private static readonly string[] RefuseStems = ["отказ", "откаж"];
    private static readonly string[] StopWords = ["стоп", "stop", "хватит", "харе", "довольно", "отстаньте", "отстань", "отвалите"];
    private static readonly string[] StopStems = ["прекрат", "прекращ", "останов", "перестан", "заканчив", "завяз", "запрещ", "запрет"];
    private static readonly string[] RemoveStems = ["убер", "убрат", "удал", "исключ", "отключ", "отмен", "вычеркн", "выпиш", "сним", "снят", "забер", "забрат", "remove"];
    private static readonly string[] TopicStems =
    [
        "рассыл", "реклам", "сообщен", "спам", "уведомл", "оповещ", "письм", "писем", "подписк", "новост", "акци",
        "предложен", "смс", "sms", "spam", "mailing", "messag", "newsletter", "ads", "пуш", "push",
    ];

    // «мои данные» alone is no topic: «удалите мои данные» answers a destruction request form.
    private static readonly string[] DataStems = ["данн", "обработк", "обрабат"];

    private static readonly string[] SendStems = ["пиш", "писат", "присыл", "присла", "отправл", "шли", "шлет", "слат", "беспоко", "тревож", "получат", "звон", "спам", "донима"];
    private static readonly string[] NeedWords = ["надо", "нужно", "нужна", "нужны", "нужен", "хочу", "хотим", "желаю", "интересно", "интересует", "want"];
    private static readonly string[] ComplaintStems = ["приход", "пришл", "пришел", "получа", "получил", "дошл", "доход", "вижу", "работа", "мог", "вышл"];
    private static readonly string[] AnnoyedStems = ["надоел", "надоед", "достал", "задолбал", "бесит", "замучил", "заколебал"];
    private static readonly string[] Negations = ["не", "нет", "ни", "никаких", "no", "not", "dont", "don"];
    private static readonly string[] QuestionWords = ["как", "где", "почему", "зачем", "можно", "могу", "каким", "что", "когда", "how"];
    private static readonly string[] Self = ["меня", "мне", "me"];
    private static readonly string[] Politeness = ["пожалуйста", "please", "уже", "все", "всем", "срочно", "now", "all"];

    public static StopIntent Classify(string? text)
    {
        var words = ChatText.Words(text);
        if (words.Count == 0)
        {
            return StopIntent.None;
        }

        var question = text!.Contains('?', StringComparison.Ordinal) || QuestionWords.Contains(words[0]);
        var sure = question ? StopIntent.Ask : StopIntent.Unsubscribe;
        var topic = words.Any(w => Starts(w, TopicStems));

        var unsubscribeAt = IndexOf(words, w => Starts(w, UnsubscribeStems));
        if (unsubscribeAt >= 0)
        {
            // «не отписывайте меня» is not a demand to stop, but it is about stopping: ask.
            return unsubscribeAt > 0 && words[unsubscribeAt - 1] == "не" ? StopIntent.Ask : sure;
        }

        if (words.Any(w => Starts(w, RefuseStems)))
        {
            // «Отказаться» alone is policy 5.2.1's own word; «отказаться от консультации» may be about something else.
            return words.Count <= 2 || topic ? sure : StopIntent.Ask;
        }

        if (words.Contains("opt") && words.Contains("out"))
        {
            return sure;
        }

        // «Отзываю согласие на рассылку»; «отзываю согласие» alone may mean another consent: ask.
        if (words.Any(w => w.StartsWith("отзыв", StringComparison.Ordinal) || w.StartsWith("отозв", StringComparison.Ordinal)) && words.Any(w => w.StartsWith("соглас", StringComparison.Ordinal)))
        {
            return topic ? sure : StopIntent.Ask;
        }

        // «Я против рассылки» (but «не против» agrees).
        var against = IndexOf(words, w => w == "против");
        if (against >= 0 && topic)
        {
            return against > 0 && words[against - 1] == "не" ? StopIntent.None : sure;
        }

        if (words.Any(w => StopWords.Contains(w) || Starts(w, StopStems)))
        {
            return Stop(words, topic || words.Any(w => Starts(w, DataStems)), sure);
        }

        if (words.Any(w => Starts(w, RemoveStems)))
        {
            // «уберите меня из рассылки», «отмените подписку»; «отмените запись на приём» is not about the mailing.
            return topic || words.Any(Self.Contains) ? sure : StopIntent.None;
        }

        return Negated(words, topic, sure);
    }

    private static StopIntent Stop(IReadOnlyList<string> words, bool topic, StopIntent sure)
    {
        if (topic || words.Any(w => Starts(w, SendStems)) || words.Any(Self.Contains)
            || words.All(w => StopWords.Contains(w) || Starts(w, StopStems) || Politeness.Contains(w)))
        {
            return sure;
        }

        // «стоп-кран», «stop, а сколько стоит приём?» use the word for something else; «хватит уже» does not.
        var plainStop = words.Any(w => w is "стоп" or "stop");
        return plainStop ? StopIntent.None : words.Count <= 2 ? sure : StopIntent.Ask;
    }

    private static StopIntent Negated(IReadOnlyList<string> words, bool topic, StopIntent sure)
    {
        var annoyed = words.Any(w => Starts(w, AnnoyedStems));
        if (annoyed)
        {
            return topic ? sure : StopIntent.Ask;
        }

        for (var i = 0; i < words.Count; i++)
        {
            // «не против рассылки» agrees.
            if (!Negations.Contains(words[i]) || (i + 1 < words.Count && words[i + 1] == "против"))
            {
                continue;
            }

            // «нет, пишите» is not a negated verb; «нет рассылке» is still about the mailing.
            var after = words.Skip(i + 1).Take(4).ToList();
            if (words[i] != "нет" && after.Any(w => Starts(w, SendStems)))
            {
                return sure;
            }

            // «не приходит рассылка», «не могу записаться»: a complaint or a question, not a stop.
            if (after.Take(2).Any(w => Starts(w, ComplaintStems) && !Starts(w, SendStems)))
            {
                return StopIntent.None;
            }

            if (after.Any(NeedWords.Contains))
            {
                return topic ? sure : StopIntent.Ask;
            }

            if (topic)
            {
                return StopIntent.Ask;
            }
        }

        // «это спам», «без рекламы» (but not «без основания»).
        var without = IndexOf(words, w => w == "без");
        var spam = words.Any(w => w.StartsWith("спам", StringComparison.Ordinal) || w == "spam");
        return spam || (without >= 0 && without + 1 < words.Count && Starts(words[without + 1], TopicStems)) ? StopIntent.Ask : StopIntent.None;
    }

    private static bool Starts(string word, string[] stems) => stems.Any(s => word.StartsWith(s, StringComparison.Ordinal));

    private static int IndexOf(IReadOnlyList<string> words, Func<string, bool> match)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (match(words[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
