using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Storage;

public sealed class RestartAndRenewalTests : IDisposable
{
    private const string Box = "☐ Согласен(на) на рассылку";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Reopening_the_file_keeps_people_consents_ticks_and_the_audit_chain()
    {
        await _host.Chat("a").Send("/start").Press(Box).Press("Отправить").StartTestAsync();
        await _host.Chat("b").Send("/start").Press(Box).StartTestAsync();

        _host.Restart();

        var a = _host.Store.FindPerson("test", "a")!;
        var b = _host.Store.FindPerson("test", "b")!;
        Assert.Equal(ConsentState.Given, _host.Store.RecordsOf(a.Id).Single().State);
        Assert.Equal(ConsentState.Ticked, _host.Store.RecordsOf(b.Id).Single().State);
        Assert.Equal(AuditVerification.Intact(1), _host.Audit.Verify());

        // The chain continues where it stopped: withdrawn, then the destruction request (received, identity confirmed).
        await _host.Chat("a").Send("/stop").StartTestAsync();
        Assert.Equal(AuditVerification.Intact(4), _host.Audit.Verify());
    }

    [Fact]
    public async Task A_new_text_version_marks_earlier_consents_as_needing_renewal_and_asks_again()
    {
        await _host.Chat("a").Send("/start").Press(Box).Press("Отправить").StartTestAsync();

        _host.Restart(new() { ["Purposes:0:Version"] = "3", ["Purposes:0:Text"] = "Новая редакция текста согласия на рассылку." });

        var renewal = Assert.Single(_host.ConsentEvents(AuditEvents.NeedsRenewal));
        Assert.Equal(2, renewal.TextVersion);
        Assert.Equal("system", renewal.Actor);
        await _host.Chat("a").Send("Привет").AssertReply("Новая редакция текста согласия на рассылку.").StartTestAsync();
        Assert.Equal("Новая редакция текста согласия на рассылку.", _host.Store.FindText("mailing", 3)!.Text);
        Assert.NotNull(_host.Store.FindText("mailing", 2));
    }

    [Fact]
    public async Task Changing_a_text_without_raising_its_version_is_refused_at_start_up()
    {
        await _host.Chat("a").Send("/start").StartTestAsync();

        var error = Assert.Throws<InvalidOperationException>(() =>
            _host.Restart(new() { ["Purposes:0:Text"] = "Тихо изменённый текст." }));

        Assert.Contains("raise Purposes:mailing:Version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_shown_before_a_text_change_cannot_give_consent_to_the_new_text()
    {
        var adapter = _host.NewAdapter("a");
        await new Turns.TestFlow(adapter, _host.Bot).Send("/start").Press(Box).StartTestAsync();
        _host.Restart(new() { ["Purposes:0:Version"] = "3", ["Purposes:0:Text"] = "Вторая редакция." });

        var promptId = adapter.Sent.First().Key;
        await new Turns.TestFlow(_host.NewAdapter("a"), _host.Bot).PressPayload(new Bot.Conversation.Payload(Bot.Conversation.Payload.Submit, "mailing").ToString(), promptId)
            .AssertAnswer("обновился").AssertReply("Вторая редакция.")
            .StartTestAsync();

        Assert.Empty(_host.ConsentEvents());
    }
}
