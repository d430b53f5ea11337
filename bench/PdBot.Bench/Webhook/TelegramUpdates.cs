using System.Globalization;
using System.Text;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Bot API updates as Telegram posts them, UTF-8 encoded. Update ids and user ids never repeat within a run,
/// so no update is taken for a redelivery and every text comes from a person the host has not seen yet.
/// </summary>
internal static class TelegramUpdates
{
    private static long _nextUpdateId = 1;
    private static long _nextUserId = 7_000_000_000;

    /// <summary>A user id nobody has used in this run.</summary>
    public static long NewUserId() => Interlocked.Increment(ref _nextUserId);

    /// <summary>A private-chat text message.</summary>
    public static byte[] Text(long userId, string text)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"Тест","language_code":"ru"},"chat":{"id":{{{userId}}},"first_name":"Тест","type":"private"},"date":{{{now}}},"text":"{{{text}}}"}}"""));
    }

    /// <summary>An ordinary greeting from a new person.</summary>
    public static byte[] Greeting() => Text(NewUserId(), "Здравствуйте");

    /// <summary>A press of an inline button under the bot's message <paramref name="messageId"/>.</summary>
    public static byte[] Press(long userId, string data, int messageId)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$"""{"update_id":{{{id}}},"callback_query":{"id":"{{{id}}}","from":{"id":{{{userId}}},"is_bot":false,"first_name":"Тест"},"message":{"message_id":{{{messageId}}},"from":{"id":123456,"is_bot":true,"first_name":"PdBot"},"chat":{"id":{{{userId}}},"first_name":"Тест","type":"private"},"date":{{{now}}},"text":"…"},"chat_instance":"-{{{userId}}}","data":"{{{data}}}"}}"""));
    }
}
