using PdBot.Bot.Conversation;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Conversations;

/// <summary>«Темы рассылки»: topics are preferences inside the mailing consent; leaving them all is not a withdrawal.</summary>
public sealed class TopicConversationTests : IDisposable
{
    private const string Promo = "☑ Акции";
    private const string PromoOff = "☐ Акции";
    private const string News = "☑ Новости клиники";
    private const string Kids = "☑ Детское отделение";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private List<AuditEntry> TopicEntries() => _host.ConsentEvents(AuditEvents.Topics);

    [Fact]
    public async Task A_subscriber_sees_every_topic_ticked_until_they_choose()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Меню")
            .AssertReply(r => Assert.Equal([BotTexts.UnsubscribeButton, BotTexts.TopicsButton], r.Buttons.Take(2).Select(b => b.Label)))
            .Press(BotTexts.TopicsButton)
            .AssertAnswer("")
            .AssertReply(r =>
            {
                Assert.Equal(BotTexts.TopicsTitle, r.Text);
                Assert.Equal([Promo, News, Kids, BotTexts.TopicsDoneButton], r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();

        Assert.Null(_host.MailingRecord().Topics);
    }

    [Fact]
    public async Task Unticking_one_topic_keeps_the_others_and_audits_the_ids_followed()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Press(Promo).AssertAnswer(BotTexts.TopicLeft("Акции")).AssertButtons(PromoOff, News, Kids, BotTexts.TopicsDoneButton)
            .AssertNoReply()
            .StartTestAsync();

        var consent = _host.MailingRecord();
        Assert.Equal(["news", "kids"], consent.Topics);
        Assert.Equal(ConsentState.Given, consent.State);
        var entry = Assert.Single(TopicEntries());
        Assert.Equal((AuditEvents.ConsentKind, "mailing", "темы: news, kids"), (entry.Kind, entry.PurposeId, entry.Detail));
        Assert.Equal((consent.TextVersion, consent.TextHash), (entry.TextVersion, entry.TextHash));
        Assert.Equal(MailingSkipReasons.Topic, MailingAudience.Excludes(_host.Store.FindPerson("test", "u1"), consent, "promo"));
        Assert.Null(MailingAudience.Excludes(_host.Store.FindPerson("test", "u1"), consent, "news"));
    }

    [Fact]
    public async Task Leaving_every_topic_keeps_the_consent_and_says_how_to_withdraw()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Press(Promo).Press(News).Press(Kids).SkipReplies()
            .Press(BotTexts.TopicsDoneButton).AssertAnswer("").AssertButtons()
            .AssertReply(r =>
            {
                Assert.StartsWith(BotTexts.NoTopicsChosen, r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.UnsubscribeButton, r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
        Assert.Empty(_host.MailingRecord().Topics!);
        Assert.Empty(_host.ConsentEvents(AuditEvents.Withdrawn));
        Assert.Equal("темы: ни одной", TopicEntries()[^1].Detail);
    }

    [Fact]
    public async Task The_last_topic_left_is_answered_with_the_not_a_withdrawal_notice()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Press(Promo).Press(News).SkipReplies()
            .Press(Kids).AssertAnswer(BotTexts.TopicLeft("Детское отделение")).AssertButtons(PromoOff, "☐ Новости клиники", "☐ Детское отделение", BotTexts.TopicsDoneButton)
            .AssertReply(BotTexts.NoTopicsChosen)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unsubscribe_after_leaving_every_topic_still_withdraws()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Press(Promo).Press(News).Press(Kids).SkipReplies()
            .Send("Отписаться").AssertReply(BotTexts.Unsubscribed)
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_stale_box_pressed_again_changes_nothing_and_redraws_the_truth()
    {
        await _host.GiveMailingConsentAsync();
        var chat = _host.Chat().Send(BotTexts.TopicsButton).SkipReplies().Press(Promo).SkipReplies();

        await chat.PressPayload("topicoff:promo", "m1")
            .AssertAnswer(BotTexts.TopicAlreadyLeft("Акции"))
            .AssertButtons(PromoOff, News, Kids, BotTexts.TopicsDoneButton)
            .PressPayload("topicon:gone", "m1")
            .AssertAnswer(BotTexts.TopicGone)
            .AssertButtons(PromoOff, News, Kids, BotTexts.TopicsDoneButton)
            .StartTestAsync();

        Assert.Single(TopicEntries());
        Assert.Equal(["news", "kids"], _host.MailingRecord().Topics);
    }

    [Fact]
    public async Task A_box_pressed_after_unsubscribing_chooses_nothing_and_loses_its_boxes()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Send("Отписаться").SkipReplies()
            .Press(Promo).AssertAnswer(BotTexts.TopicsNeedConsent).AssertButtons()
            .StartTestAsync();

        Assert.Empty(TopicEntries());
        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task Without_the_mailing_consent_there_is_no_topics_button_and_the_typed_label_explains()
    {
        await _host.Chat().Send("/start").SkipReplies().Press("Не согласен(на)")
            .AssertAnswer("")
            .AssertButtons()
            .AssertReply(r => Assert.DoesNotContain(BotTexts.TopicsButton, r.Buttons.Select(b => b.Label)))
            .Send(BotTexts.TopicsButton).AssertReply(BotTexts.TopicsNeedConsent)
            .StartTestAsync();
    }

    [Fact]
    public async Task Following_a_topic_again_after_leaving_it_is_recorded_in_configuration_order()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(BotTexts.TopicsButton).SkipReplies()
            .Press(Promo).Press(News).SkipReplies()
            .Press(PromoOff).AssertAnswer(BotTexts.TopicFollowed("Акции")).AssertButtons(Promo, "☐ Новости клиники", Kids, BotTexts.TopicsDoneButton)
            .Press(BotTexts.TopicsDoneButton).SkipReplies()
            .StartTestAsync();

        Assert.Equal(["promo", "kids"], _host.MailingRecord().Topics);
        Assert.Equal(3, TopicEntries().Count);
    }

    [Fact]
    public async Task Typed_labels_open_the_topics_and_finish_them()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("темы рассылки")
            .AssertReply(r => Assert.Equal([Promo, News, Kids, BotTexts.TopicsDoneButton], r.Buttons.Select(b => b.Label)))
            .Send("Готово")
            .AssertReply(r => Assert.StartsWith(BotTexts.TopicsChosen(["Акции", "Новости клиники", "Детское отделение"]), r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Typed_done_under_an_open_consent_form_is_not_taken_for_sending_it()
    {
        await _host.Chat().Send("/start").SkipReplies().Press(ConsentSteps.MailingBox).SkipReplies()
            .Send("Готово").AssertReply(r => Assert.Contains("осталось нажать «Отправить»", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ConsentState.Ticked, _host.StateOf("mailing"));
    }
}
