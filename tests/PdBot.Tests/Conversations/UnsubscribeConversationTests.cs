using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Requests;

namespace PdBot.Tests.Conversations;

/// <summary>A demand to stop, however it is written, stops the mailing at once, even inside a request form (defect 3 of issue 10).</summary>
public sealed class UnsubscribeConversationTests : IDisposable
{
    private const string Box = ConsentSteps.MailingBox;
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("отпишите меня")]
    [InlineData("STOP")]
    [InlineData("/stop@ClinicBot")]
    [InlineData("хватит присылать")]
    [InlineData("не пишите мне больше")]
    [InlineData("Отписаться от рассылки")]
    [InlineData("не\u00A0беспокоить")]
    [InlineData("не\nбеспокоить")]
    [InlineData("Прекратите обрабатывать мои данные для рекламы!")]
    public async Task A_demand_to_stop_in_any_wording_withdraws_the_mailing_at_once(string text)
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send(text).AssertReply(BotTexts.Unsubscribed).StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task The_unsubscribe_buttons_label_typed_acts_as_the_press()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Меню").AssertReply(r => Assert.Contains(BotTexts.UnsubscribeButton, r.Buttons.Select(b => b.Label)))
            .Send(BotTexts.UnsubscribeButton).AssertReply(BotTexts.Unsubscribed)
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_menu_label_typed_opens_what_its_button_opens()
    {
        await _host.GiveMailingConsentAsync();
        var review = _host.Catalog.Get("review");

        await _host.Chat().Send(BotTexts.GiveConsentPrefix.ToUpperInvariant() + review.Title)
            .AssertReply(r => Assert.Contains(review.Text, r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ConsentState.Offered, _host.Store.RecordsOf(_host.Store.FindPerson("test", "u1")!.Id).Single(r => r.PurposeId == "review").State);
    }

    [Fact]
    public async Task An_unclear_complaint_is_asked_about_once_and_the_yes_button_unsubscribes()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("это спам")
            .AssertReply(r =>
            {
                Assert.Equal(BotTexts.StopQuestion, r.Text);
                Assert.Equal([BotTexts.StopYesButton, BotTexts.StopNoButton], r.Buttons.Select(b => b.Label));
            })
            .Press(BotTexts.StopYesButton).AssertAnswer("").AssertReply(BotTexts.Unsubscribed)
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_typed_yes_right_after_the_question_unsubscribes()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("без рекламы пожалуйста").AssertReply(BotTexts.StopQuestion)
            .Send("Да").AssertReply(BotTexts.Unsubscribed)
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task No_under_the_question_keeps_the_mailing_and_returns_to_the_menu()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Как отписаться?").AssertReply(BotTexts.StopQuestion)
            .Press(BotTexts.StopNoButton).AssertAnswer("").AssertReply(r =>
            {
                Assert.Contains(BotTexts.MailingKept, r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.UnsubscribeButton, r.Buttons.Select(b => b.Label));
            })
            .StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_yes_typed_later_than_right_after_the_question_does_not_unsubscribe()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("это спам").Send("Привет").Send("да").SkipReplies().StartTestAsync();

        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task A_demand_to_stop_inside_a_request_form_unsubscribes_and_is_not_taken_as_an_answer()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).SkipReplies().Press("О себе").SkipReplies()
            .Press("Паспорт РФ").AssertAnswer("").AssertReply("серию и номер паспорта")
            .Send("отпишите меня").AssertReply(r =>
            {
                Assert.Contains(BotTexts.Unsubscribed, r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.IntakeContinues, r.Text, StringComparison.Ordinal);
            })
            .Send("4510 123456").AssertReply("Дата выдачи")
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task An_unclear_complaint_inside_a_request_form_is_asked_about_and_not_taken_as_an_answer()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).SkipReplies().Press("О себе").SkipReplies().Press("Паспорт РФ").SkipReplies()
            .Send("это спам").AssertReply(BotTexts.StopQuestion)
            .Send("да").AssertReply(BotTexts.Unsubscribed)
            .Send("4510 123456").AssertReply("Дата выдачи")
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task My_data_shows_the_clinics_e_mail_and_phone()
    {
        var op = _host.Services.GetRequiredService<IOptions<OperatorOptions>>().Value;
        Assert.False(string.IsNullOrWhiteSpace(op.Phone), "appsettings.json names the clinic's phone");

        await _host.Chat().Send("/privacy").AssertReply(r =>
            {
                Assert.Contains(op.Email, r.Text, StringComparison.Ordinal);
                Assert.Contains(op.Phone, r.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }
}
