using PdBot.Bot.Conversation;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Conversations;

/// <summary>«Отказаться», «Нет», «Не согласен(на)» act on the form they are under (defect 2 of issue 10).</summary>
public sealed class DeclineConversationTests : IDisposable
{
    private const string Box = ConsentSteps.MailingBox;
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("review", "Отказаться")]
    [InlineData("review", "нет")]
    [InlineData("review", "Не согласна.")]
    [InlineData("consultation", "Отказаться")]
    [InlineData("consultation", "нет, спасибо")]
    [InlineData("consultation", "Не согласен(на)")]
    public async Task A_typed_refusal_under_a_form_declines_that_form_and_leaves_the_mailing_untouched(string purposeId, string word)
    {
        await _host.GiveMailingConsentAsync();
        var purpose = _host.Catalog.Get(purposeId);

        await _host.Chat().Send("Меню").SkipReplies()
            .Press(BotTexts.GiveConsentPrefix + purpose.Title).SkipReplies()
            .Press("☐ " + purpose.Label).SkipReplies()
            .Send(word).AssertReply(BotTexts.Declined(purpose.Title))
            .StartTestAsync();

        Assert.Equal(ConsentState.Declined, _host.StateOf(purposeId));
        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
        Assert.Equal([(AuditEvents.Given, "mailing"), (AuditEvents.Declined, purposeId)], _host.ConsentEvents().Select(e => (e.Event, e.PurposeId)));
    }

    [Fact]
    public async Task With_no_form_open_otkazatsya_withdraws_the_mailing()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Отказаться").AssertReply(BotTexts.Unsubscribed).StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task The_latest_open_form_is_declined_first_and_the_older_one_next()
    {
        var review = _host.Catalog.Get("review");

        await _host.Chat().Send("Привет").SkipReplies()
            .Send("Меню").AssertReply(BotTexts.MenuTitle)
            .Press(BotTexts.GiveConsentPrefix + review.Title).SkipReplies()
            .Send("Отказаться").AssertReply(BotTexts.Declined(review.Title))
            .StartTestAsync();
        Assert.Equal((ConsentState.Declined, ConsentState.Offered), (_host.StateOf("review"), _host.StateOf("mailing")));

        await _host.Chat().Send("Отказаться").AssertReply(BotTexts.MailingDeclined).StartTestAsync();
        Assert.Equal(ConsentState.Declined, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task The_decline_button_declines_its_own_form_and_removes_the_forms_buttons()
    {
        var adapter = _host.NewAdapter();
        await new Turns.TestFlow(adapter, _host.Bot).Send("/start").SkipReplies()
            .Press("Не согласен(на)").AssertAnswer("").AssertButtons().AssertReply(BotTexts.MailingDeclined)
            .StartTestAsync();

        Assert.Equal(ConsentState.Declined, _host.StateOf("mailing"));
        Assert.Equal(AuditEvents.Declined, Assert.Single(_host.ConsentEvents()).Event);
        Assert.Empty(adapter.Sent.First().Value.AllButtons);
    }

    [Fact]
    public async Task Every_prompt_says_how_to_decline_and_offers_the_decline_button()
    {
        var review = _host.Catalog.Get("review");
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Меню").SkipReplies()
            .Press(BotTexts.GiveConsentPrefix + review.Title).AssertAnswer("")
            .AssertReply(r =>
            {
                Assert.Contains("«Отказаться»", r.Text, StringComparison.Ordinal);
                Assert.Equal(["☐ " + review.Label, "Отправить", "Не согласен(на)"], r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("review")]
    [InlineData("consultation")]
    public async Task The_confirmation_of_a_non_mailing_consent_says_how_to_withdraw_it_and_never_otpisatsya(string purposeId)
    {
        var purpose = _host.Catalog.Get(purposeId);
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Меню").SkipReplies()
            .Press(BotTexts.GiveConsentPrefix + purpose.Title).SkipReplies()
            .Press("☐ " + purpose.Label).SkipReplies()
            .Press("Отправить").AssertAnswer(BotTexts.Received).AssertButtons()
            .AssertReply(r =>
            {
                Assert.Contains(BotTexts.WithdrawConsentPrefix + purpose.Title, r.Text, StringComparison.Ordinal);
                Assert.Contains("/privacy", r.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Отписаться", r.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("/stop", r.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_confirmation_of_the_mailing_consent_names_otpisatsya_and_stop() =>
        await _host.Chat().Send("/start").SkipReplies().Press(Box).SkipReplies()
            .Press("Отправить").AssertAnswer(BotTexts.Received).AssertButtons().AssertReply("«Отписаться» или /stop")
            .StartTestAsync();
}
