using System.Diagnostics;
using System.Globalization;
using PdBot.Core.Consent;

namespace PdBot.Bench.Webhook;

/// <summary>Watches one person's mailing consent in the store until it reads Withdrawn (polled every 1 ms).</summary>
internal static class WithdrawalProbe
{
    /// <summary>The <see cref="Stopwatch"/> timestamp at which the withdrawal was seen durable, or null past the deadline.</summary>
    public static async Task<long?> WaitAsync(BotUnderTest bot, long userId, long deadline)
    {
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var mailing = bot.Catalog.Mailing.Id;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (bot.Store.FindPerson("telegram", id) is { } person
                && bot.Store.RecordsOf(person.Id).Any(r => r.PurposeId == mailing && r.State == ConsentState.Withdrawn))
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(1);
        }

        return null;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first sendMessage to the chat after <paramref name="after"/>, or null.</summary>
    public static async Task<long?> ReplyAsync(FakeTelegramApi telegram, long chatId, long after, long deadline)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (telegram.LastSendTo(chatId) is { } at && at > after)
            {
                return at;
            }

            await Task.Delay(1);
        }

        return null;
    }
}
