using System.Globalization;
using System.Net;
using PdBot.Core.Audit;
using static PdBot.Tests.Telegram.FakeTelegramServer;
using static PdBot.Tests.Telegram.TelegramTestHost;

namespace PdBot.Tests.Telegram;

/// <summary>t.me/bot?start=SOURCE end to end: the webhook, the inbox, the turn, the stored person and consent.</summary>
public sealed class TelegramSubscriptionLinkTests : IAsyncLifetime, IDisposable
{
    private const long User = 5550077;
    private readonly TempFolder _tmp = new();
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    public void Dispose() => _tmp.Dispose();

    private static string Data(RecordedCall call, int row) =>
        call.Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[row][0].GetProperty("callback_data").GetString()!;

    [Fact]
    public async Task A_subscription_link_starts_the_conversation_and_its_source_is_kept_on_the_person_and_the_consent()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, _tmp.File("pdbot.db"));

        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(TextUpdate(1, User, "/start poster-reception"))).StatusCode);
        await Until(() => _telegram.CallsTo("sendMessage").Count == 1, "the consent prompt");
        var prompt = _telegram.CallsTo("sendMessage")[0];
        Assert.Equal("☐ Согласен(на) на рассылку", prompt.Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("text").GetString());
        await host.PostUpdateAsync(CallbackUpdate(2, User, Data(prompt, 0), 1000, "cb-tick"));
        await Until(() => _telegram.CallsTo("editMessageReplyMarkup").Count == 1, "the ☑ edit");
        await host.PostUpdateAsync(CallbackUpdate(3, User, Data(prompt, 1), 1000, "cb-send"));
        await Until(() => host.ConsentEvents(AuditEvents.Given).Count == 1, "the consent");

        Assert.Equal("источник: poster-reception", Assert.Single(host.ConsentEvents(AuditEvents.Given)).Detail);
        var person = host.Store.FindPerson("telegram", User.ToString(CultureInfo.InvariantCulture))!;
        Assert.Equal("poster-reception", person.Source);
        Assert.Equal("poster-reception", Assert.Single(host.Store.RecordsOf(person.Id), r => r.PurposeId == "mailing").Source);
    }
}
