using PdBot.Bot.Conversation;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Conversations;

public sealed class ConsentConversationTests : IDisposable
{
    private const string Box = ConsentSteps.MailingBox;
    private const string TickedBox = "☑ Согласен(на) на рассылку";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task First_message_shows_the_policy_link_the_text_an_empty_box_and_send_before_anything_else()
    {
        await _host.Chat().Send("Здравствуйте")
            .AssertReply(r =>
            {
                Assert.Contains("https://medabolinet.ru/privacy", r.Text, StringComparison.Ordinal);
                Assert.Contains(_host.Catalog.Default.Text, r.Text, StringComparison.Ordinal);
                Assert.Equal([Box, "Отправить", "Не согласен(на)"], r.Buttons.Select(b => b.Label));
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(_host.ConsentEvents());
    }

    [Theory]
    [InlineData("/start")]
    [InlineData("Начать")]
    public async Task Start_commands_show_the_consent_prompt(string start) =>
        await _host.Chat().Send(start).AssertReply(r => Assert.Contains(Box, r.Buttons.Select(b => b.Label))).StartTestAsync();

    [Fact]
    public async Task Send_without_tick_records_no_consent()
    {
        await _host.Chat().Send("/start").SkipReplies()
            .Press("Отправить").AssertAnswer(BotTexts.TickFirst).AssertNoReply()
            .StartTestAsync();

        Assert.Empty(_host.ConsentEvents());
        Assert.NotEqual(ConsentState.Given, _host.StateOf("mailing", "u1"));
    }

    [Fact]
    public async Task Tick_then_untick_then_send_records_no_consent()
    {
        await _host.Chat().Send("/start").SkipReplies()
            .Press(Box).AssertAnswer(BotTexts.Ticked).AssertButtons(TickedBox, "Отправить", "Не согласен(на)")
            .Press(TickedBox).AssertAnswer(BotTexts.Unticked).AssertButtons(Box, "Отправить", "Не согласен(на)")
            .Press("Отправить").AssertAnswer(BotTexts.TickFirst)
            .StartTestAsync();

        Assert.Empty(_host.ConsentEvents());
    }

    [Fact]
    public async Task Tick_then_send_records_exactly_one_consent_with_the_text_version_hash_and_buttons()
    {
        await _host.Chat().Send("/start").SkipReplies()
            .Press(Box).SkipReplies()
            .Press("Отправить").AssertAnswer(BotTexts.Received).AssertButtons()
            .AssertReply("получено")
            .StartTestAsync();

        var given = Assert.Single(_host.ConsentEvents());
        var mailing = _host.Catalog.Mailing;
        Assert.Equal((AuditEvents.Given, "mailing", "test", "u1"), (given.Event, given.PurposeId, given.Channel, given.UserId));
        Assert.Equal(mailing.Version, given.TextVersion);
        Assert.Equal(ConsentText.Sha256Hex(mailing.Text), given.TextHash);
        Assert.Equal(["tick", "submit"], given.Buttons);
        Assert.NotNull(given.MessageId);
        Assert.Equal(ConsentState.Given, _host.StateOf("mailing", "u1"));
    }

    [Fact]
    public async Task A_second_send_does_not_duplicate_the_consent()
    {
        var adapter = _host.NewAdapter();
        await new Turns.TestFlow(adapter, _host.Bot).Send("/start").Press(Box).Press("Отправить").SkipReplies().StartTestAsync();
        var promptId = adapter.Sent.First().Key;

        await new Turns.TestFlow(adapter, _host.Bot)
            .PressPayload(new Payload(Payload.Submit, "mailing").ToString(), promptId)
            .AssertAnswer(BotTexts.AlreadyGiven).AssertNoReply()
            .StartTestAsync();

        Assert.Single(_host.ConsentEvents());
    }

    [Theory]
    [InlineData("Отписаться")]
    [InlineData("отказаться")]
    [InlineData("Не беспокоить")]
    [InlineData("НЕ  БЕСПОКОИТЬ!")]
    [InlineData("/stop")]
    [InlineData("/STOP")]
    public async Task Each_unsubscribe_keyword_withdraws_the_mailing_consent_at_once(string keyword)
    {
        await _host.GiveMailingConsentAsync("u1");

        await _host.Chat().Send(keyword).AssertReply(BotTexts.Unsubscribed).StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing", "u1"));
        Assert.Equal([AuditEvents.Given, AuditEvents.Withdrawn], _host.ConsentEvents().Select(e => e.Event));
    }

    [Fact]
    public async Task A_later_message_never_resubscribes_anyone()
    {
        await _host.GiveMailingConsentAsync("u1");
        await _host.Chat().Send("/stop").Send("Привет!").Send("/start").SkipReplies().StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing", "u1"));
        Assert.Equal(2, _host.ConsentEvents().Count);
    }

    [Fact]
    public async Task Declining_the_prompt_is_recorded_and_the_person_is_not_asked_again_on_every_message()
    {
        await _host.Chat().Send("Привет").SkipReplies().Send("Отказаться").AssertReply(BotTexts.MailingDeclined)
            .Send("вопрос").AssertReply(BotTexts.MenuTitle)
            .StartTestAsync();

        Assert.Equal(AuditEvents.Declined, Assert.Single(_host.ConsentEvents()).Event);
    }

    [Fact]
    public async Task Blocking_the_bot_withdraws_the_mailing_and_marks_the_person_unreachable()
    {
        await _host.GiveMailingConsentAsync("u1");
        await _host.Chat().Send(new Core.Turns.Activity { Type = Core.Turns.ActivityType.Blocked, ChannelId = "test", UserId = "u1", ChatId = "u1" })
            .AssertNoReply().StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing", "u1"));
        Assert.True(_host.Store.FindPerson("test", "u1")!.Unreachable);
    }

    [Fact]
    public async Task The_review_consent_is_separate_and_given_through_its_own_prompt()
    {
        await _host.GiveMailingConsentAsync("u1");
        var review = _host.Catalog.Get("review");

        await _host.Chat().Send("Меню").SkipReplies()
            .Press(BotTexts.GiveConsentPrefix + review.Title).AssertAnswer("").AssertReply(review.Text)
            .Press("☐ " + review.Label).SkipReplies()
            .Press("Отправить").SkipReplies()
            .StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("review", "u1"));
        Assert.Equal(ConsentState.NotAsked, _host.StateOf("consultation", "u1"));
        Assert.Equal(2, _host.ConsentEvents(AuditEvents.Given).Count);
    }

    [Fact]
    public async Task Two_people_do_not_see_or_change_each_others_consents()
    {
        await _host.GiveMailingConsentAsync("alice");
        await _host.Chat("bob").Send("Привет").SkipReplies().StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing", "alice"));
        Assert.Equal(ConsentState.Offered, _host.StateOf("mailing", "bob"));
    }

    [Fact]
    public async Task Text_typed_while_a_ticked_prompt_is_open_keeps_the_tick_and_points_to_send()
    {
        var title = _host.Catalog.Mailing.Title;
        await _host.Chat().Send("/start").SkipReplies()
            .Press(Box).SkipReplies()
            .Send("да, согласен").AssertReply(r =>
            {
                Assert.Equal(BotTexts.OpenFormHint(title, ticked: true), r.Text);
                Assert.Empty(r.Buttons);
            })
            .AssertNoReply()
            .Press("Отправить").AssertAnswer(BotTexts.Received)
            .StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing", "u1"));
    }

    [Fact]
    public async Task Text_typed_while_an_unticked_prompt_is_open_asks_to_tick_first_and_records_nothing()
    {
        await _host.Chat().Send("Здравствуйте").AssertReply(_host.Catalog.Mailing.Text)
            .Send("ок").AssertReply(BotTexts.OpenFormHint(_host.Catalog.Mailing.Title, ticked: false))
            .StartTestAsync();

        Assert.Equal(ConsentState.Offered, _host.StateOf("mailing", "u1"));
        Assert.Empty(_host.ConsentEvents());
    }

    [Fact]
    public async Task Send_typed_under_a_ticked_prompt_gives_the_consent_like_the_button()
    {
        await _host.Chat().Send("/start").SkipReplies().Press(Box).SkipReplies()
            .Send("Отправить").AssertReply("получено")
            .StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing", "u1"));
    }
}
