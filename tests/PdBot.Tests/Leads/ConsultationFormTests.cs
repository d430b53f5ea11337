using PdBot.Bot.Conversation;
using PdBot.Bot.Conversation.Consultation;
using PdBot.Core.Consent;
using PdBot.Core.Leads;
using PdBot.Core.Outbox;
using PdBot.Tests.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace PdBot.Tests.Leads;

/// <summary>
/// The consultation request form (policy 2.3.1) through the real bot with a fake clock: Monday 23.11.2026, 12:00
/// clinic time. Bad answers get a clear message and the same question; «Отмена» keeps nothing.
/// </summary>
public sealed class ConsultationFormTests : IDisposable
{
    private readonly PdBotTestHost _host = new(LeadSteps.WithAdminChat());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Nothing_is_asked_before_the_consultation_consent()
    {
        await _host.Chat().Send("Хочу записаться на консультацию")
            .AssertReply(r => Assert.Contains(LeadSteps.ConsultationBox, r.Buttons.Select(b => b.Label)))
            .Send("Анна").SkipReplies()
            .StartTestAsync();

        Assert.Empty(_host.LeadsOf());
    }

    [Fact]
    public async Task A_filled_form_refusing_bad_phones_days_and_times_stores_a_new_request_and_alerts_operators()
    {
        await _host.WithConsultationConsent().SkipReplies()
            .Send("Анна").AssertReply("напишите номер телефона")
            .Send("123").AssertReply(r =>
            {
                Assert.Contains("слишком мало цифр", r.Text, StringComparison.Ordinal);
                Assert.Contains("напишите номер телефона", r.Text, StringComparison.Ordinal);
            })
            .Send("abc").AssertReply(r =>
            {
                Assert.Contains("нет цифр", r.Text, StringComparison.Ordinal);
                Assert.Contains("напишите номер телефона", r.Text, StringComparison.Ordinal);
            })
            .Send("+7 (999) 123 45 67").AssertReply(r =>
            {
                Assert.Contains("Какой день вам удобен", r.Text, StringComparison.Ordinal);
                Assert.Contains("ср, 25.11", r.Buttons.Select(b => b.Label));
                Assert.DoesNotContain("сб, 28.11", r.Buttons.Select(b => b.Label));
            })
            .Send("28.11").AssertReply(r =>
            {
                Assert.Contains("нерабочий день", r.Text, StringComparison.Ordinal);
                Assert.Contains("Какой день вам удобен", r.Text, StringComparison.Ordinal);
            })
            .Send("20.11").AssertReply("уже прошло")
            .Send("в среду").AssertReply("Во сколько удобно в среду, 25.11")
            .Send("21:00").AssertReply(r =>
            {
                Assert.Contains("часы работы с 09:00 до 20:00", r.Text, StringComparison.Ordinal);
                Assert.Contains("Во сколько удобно", r.Text, StringComparison.Ordinal);
            })
            .Send("8").AssertReply("клиника в это время не работает")
            .Send("14:30").AssertReply(r => Assert.Contains(ConsultationTexts.SkipButton, r.Buttons.Select(b => b.Label)))
            .Press("Терапия").Answered().AssertReply(r =>
            {
                Assert.Contains("Имя: Анна", r.Text, StringComparison.Ordinal);
                Assert.Contains("+7 999 ***-**-67", r.Text, StringComparison.Ordinal);
                Assert.Contains("25.11.2026", r.Text, StringComparison.Ordinal);
                Assert.Contains("Направление: Терапия", r.Text, StringComparison.Ordinal);
            })
            .Press(ConsultationTexts.SendButton).Answered().AssertReply(r =>
            {
                Assert.Contains("Заявка № ", r.Text, StringComparison.Ordinal);
                Assert.Contains("+7 999 ***-**-67", r.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("123-45", r.Text, StringComparison.Ordinal);
                Assert.Contains("Сотрудник ответит", r.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();

        var lead = Assert.Single(_host.LeadsOf());
        Assert.Equal((LeadState.New, "Анна", "+79991234567", new DateOnly(2026, 11, 25), "14:30", "Терапия"),
            (lead.State, lead.Name, lead.Phone, lead.Day, lead.Time, lead.Direction));
        var alert = Assert.Single(_host.Services.GetRequiredService<IOutbox>().Pending("telegram"), m => m.Kind == OutboxKind.OperatorAlert);
        Assert.Equal($"Новая заявка на консультацию № {lead.Id}: откройте раздел «Заявки» в консоли.", alert.Text);
        var submitted = Assert.Single(_host.Audit.ReadAll(), e => e.Kind == LeadEvents.Kind && e.Event == LeadEvents.Submitted);
        Assert.DoesNotContain("Анна", submitted.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("999", submitted.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_direction_may_be_skipped()
    {
        await _host.WithConsultationConsent().Send("Анна").Send("9991234567").Send("завтра").Send("10").SkipReplies()
            .Press(ConsultationTexts.SkipButton).Answered().AssertReply("Направление: не выбрано")
            .Send("отправить").AssertReply("отправлена")
            .StartTestAsync();

        var lead = Assert.Single(_host.LeadsOf());
        Assert.Equal((LeadState.New, null, new DateOnly(2026, 11, 24), "10:00"), (lead.State, lead.Direction, lead.Day, lead.Time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Cancel_at_any_step_stores_nothing(int answered)
    {
        string[] answers = ["Анна", "8 999 123-45-67", "25.11", "14:30", "Терапия"];
        var flow = _host.WithConsultationConsent();
        foreach (var a in answers.Take(answered))
        {
            flow = flow.Send(a);
        }

        await flow.SkipReplies()
            .Send(answered % 2 == 0 ? "Отмена" : "отменить").AssertReply(r =>
            {
                Assert.Contains(ConsultationTexts.Cancelled, r.Text, StringComparison.Ordinal);
                Assert.Contains(BotTexts.MenuButton, r.Buttons.Select(b => b.Label));
            })
            .Send("Анна").SkipReplies()
            .StartTestAsync();

        Assert.Empty(_host.LeadsOf());
    }

    [Fact]
    public async Task The_cancel_button_stores_nothing()
    {
        await _host.WithConsultationConsent().Send("Анна").Send("8 999 123-45-67").SkipReplies()
            .Press(ConsultationTexts.CancelButton).Answered().AssertReply(ConsultationTexts.Cancelled)
            .StartTestAsync();

        Assert.Empty(_host.LeadsOf());
    }

    [Fact]
    public async Task Stop_inside_the_form_still_unsubscribes_and_the_form_goes_on()
    {
        await _host.GiveMailingConsentAsync();
        await _host.Chat().Send(BotTexts.ConsultButton).SkipReplies().Press(LeadSteps.ConsultationBox).SkipReplies().Press("Отправить").SkipReplies()
            .Send("Анна").SkipReplies()
            .Send("/stop").AssertReply(BotTexts.Unsubscribed)
            .Send("8 999 123-45-67").AssertReply("Какой день вам удобен")
            .StartTestAsync();

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
        Assert.Equal(LeadFormStep.Day, Assert.Single(_host.LeadsOf()).Step);
    }

    [Fact]
    public async Task Asking_for_an_operator_inside_the_form_is_passed_on_and_the_form_stays_open()
    {
        await _host.WithConsultationConsent().SkipReplies()
            .Send("оператор").AssertReply(r => Assert.DoesNotContain("напишите номер телефона", r.Text, StringComparison.Ordinal))
            .SkipReplies()
            .Send("Анна").AssertReply("напишите номер телефона")
            .StartTestAsync();

        var lead = Assert.Single(_host.LeadsOf());
        Assert.Equal("Анна", lead.Name);
        Assert.NotNull(_host.Services.GetRequiredService<PdBot.Core.Conversations.IConversationStore>().LatestOf(lead.PersonId));
    }

    [Fact]
    public async Task A_form_left_for_24_hours_is_dropped_and_the_message_is_not_an_answer()
    {
        await _host.WithConsultationConsent().Send("Анна").SkipReplies().StartTestAsync();
        _host.Clock.Advance(TimeSpan.FromHours(25));
        await _host.Chat().Send("8 999 123-45-67").AssertReply(ConsultationTexts.Expired).StartTestAsync();

        Assert.Empty(_host.LeadsOf());
    }

    [Fact]
    public async Task A_form_whose_consent_was_withdrawn_is_dropped()
    {
        var withdraw = BotTexts.WithdrawConsentPrefix + _host.Catalog.Get("consultation").Title;
        await _host.WithConsultationConsent().Send("Анна").SkipReplies()
            .Send(withdraw).SkipReplies()
            .Send("8 999 123-45-67").SkipReplies()
            .StartTestAsync();

        Assert.Empty(_host.LeadsOf());
    }

    [Fact]
    public async Task An_open_request_is_shown_with_cancel_and_new_instead_of_a_blind_new_form()
    {
        await _host.SubmitAsync();
        var id = Assert.Single(_host.LeadsOf()).Id;
        await _host.Chat().Send(BotTexts.ConsultButton).AssertReply(r =>
            {
                Assert.Contains($"уже есть заявка № {id}", r.Text, StringComparison.Ordinal);
                Assert.Equal([ConsultationTexts.WithdrawButton, ConsultationTexts.NewButton, BotTexts.MenuButton], r.Buttons.Select(b => b.Label));
            })
            .Press(ConsultationTexts.WithdrawButton).Answered().AssertReply($"Заявка № {id} отменена")
            .StartTestAsync();

        Assert.Equal(LeadState.Cancelled, _host.Leads().Find(id)!.State);
    }

    [Fact]
    public async Task A_typed_cancel_request_label_cancels_the_open_request()
    {
        await _host.SubmitAsync();
        var id = Assert.Single(_host.LeadsOf()).Id;

        await _host.Chat().Send("отменить заявку").AssertReply($"Заявка № {id} отменена").StartTestAsync();

        Assert.Equal(LeadState.Cancelled, _host.Leads().Find(id)!.State);
        Assert.Contains(_host.Audit.ReadAll(), e => e.Kind == LeadEvents.Kind && e.Event == LeadEvents.Cancelled && e.Actor == "person");
    }
}
