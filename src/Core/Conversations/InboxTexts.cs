using System.Globalization;

namespace PdBot.Core.Conversations;

/// <summary>What people and operators read about the operator inbox (Russian).</summary>
public static class InboxTexts
{
    /// <summary>Telegram's limit for one message (VK's is the same); the prefix counts too.</summary>
    public const int PlatformLimit = 4096;

    /// <summary>What the person reads before an operator's reply: who is writing.</summary>
    public const string ReplyPrefix = "Сотрудник клиники: ";

    public static readonly int MaxReplyLength = PlatformLimit - ReplyPrefix.Length;

    /// <summary>The purpose the retention preview and the access answer name for inbox messages.</summary>
    public const string PurposeTitle = "Переписка с сотрудниками клиники (входящие)";

    public const string EmptyReply = "Напишите текст ответа: пустое сообщение не отправляется.";

    public static string TooLong(int length) => string.Create(CultureInfo.InvariantCulture,
        $"Ответ слишком длинный: {length} знаков, а в одном сообщении помещается не больше {MaxReplyLength}. Сократите текст или разбейте его на несколько ответов; ничего не отправлено.");

    public static string NotFound(long id) => string.Create(CultureInfo.InvariantCulture, $"Беседа № {id} не найдена.");

    public static string ClosedNoReply(long id) => string.Create(CultureInfo.InvariantCulture,
        $"Беседа № {id} закрыта: откройте её снова, чтобы ответить. Ничего не отправлено.");

    public const string Erased = "Данные человека уничтожены: ответ направить некому. Ничего не отправлено.";

    public static string Blocked(long? requestId) =>
        $"Обработка данных человека заблокирована{(requestId is { } id ? string.Create(CultureInfo.InvariantCulture, $" по запросу № {id}") : "")}: писать ему нельзя, пока блокировка действует. Ничего не отправлено.";

    public const string Unreachable = "Человек заблокировал бота или запретил ему писать: ответ не будет доставлен. Ничего не отправлено; ответ станет возможен, когда человек снова напишет боту.";

    public static string Replied(long id) => string.Create(CultureInfo.InvariantCulture, $"Ответ в беседе № {id} поставлен в отправку.");

    public static string ClosedDone(long id) => string.Create(CultureInfo.InvariantCulture, $"Беседа № {id} закрыта.");

    public static string ReopenedDone(long id) => string.Create(CultureInfo.InvariantCulture, $"Беседа № {id} снова открыта.");

    public static string AlreadyClosed(long id) => string.Create(CultureInfo.InvariantCulture, $"Беседа № {id} уже закрыта. Ничего не изменено.");

    public static string AlreadyOpen(long id) => string.Create(CultureInfo.InvariantCulture, $"Беседа № {id} уже открыта. Ничего не изменено.");

    /// <summary>Who wrote a message, as the person reads it in the access answer.</summary>
    public static string AuthorForPerson(string author) => author switch
    {
        ConversationAuthors.Person => "вы",
        ConversationAuthors.System => "система клиники",
        _ => "сотрудник клиники",
    };

    /// <summary>Who wrote a message, as the console shows it.</summary>
    public static string AuthorForOperator(string author) => author switch
    {
        ConversationAuthors.Person => "Человек",
        ConversationAuthors.System => "Система клиники",
        _ => "Сотрудник " + author,
    };

    /// <summary>«1 сообщение», «3 сообщения», «12 сообщений».</summary>
    public static string Messages(int count)
    {
        var (tens, ones) = (count % 100, count % 10);
        var word = tens is >= 11 and <= 14 ? "сообщений" : ones == 1 ? "сообщение" : ones is >= 2 and <= 4 ? "сообщения" : "сообщений";
        return string.Create(CultureInfo.InvariantCulture, $"{count} {word}");
    }
}
