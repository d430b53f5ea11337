using PdBot.Bot.Conversation;
using PdBot.Core.Requests;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Conversations;

/// <summary>Defect 7: the request form (policy 6.1.2) takes only answers, can always be left, and expires.</summary>
public sealed class RequestFormTests : IDisposable
{
    private const string Issuer = "Отделом УФМС России по г. Москве";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IRequestStore Store => (IRequestStore)_host.Services.GetService(typeof(IRequestStore))!;

    private SubjectRequest OnlyRequest => Assert.Single(Store.OfPerson(_host.Store.FindPerson("test", "p")!.Id));

    private TestFlow Access(string applicant = "О себе") => _host.Chat("p").Send("/privacy").SkipReplies()
        .Press(RequestTexts.Title(RequestType.Access)).AssertAnswer("").AssertReply(r => AssertButtons(r, "О себе", "Как представитель", RequestPrompts.CancelButton))
        .Press(applicant).SkipReplies();

    [Fact]
    public async Task Privacy_menu_and_other_commands_typed_during_the_form_are_not_stored_as_answers()
    {
        var notAnAnswer = (Action<Reply>)(r =>
        {
            Assert.Contains("Сейчас заполняется запрос «Какие мои данные обрабатываются»", r.Text, StringComparison.Ordinal);
            Assert.Contains(RequestPrompts.CancelButton, r.Buttons.Select(b => b.Label));
        });
        await Access().Press("Паспорт РФ").Send("4510 123456").Send("15.03.2019").SkipReplies()
            .Send("/privacy").AssertReply(notAnAnswer)
            .Send("Меню").AssertReply(notAnAnswer)
            .Send(Issuer).AssertReply("отношения с клиникой")
            .Send("Мои данные").AssertReply(notAnAnswer)
            .Send("/start").AssertReply(notAnAnswer)
            .Send("Подписаться на рассылку").AssertReply(notAnAnswer)
            .Send("Исправить мои данные").AssertReply(notAnAnswer)
            .Send("договор 77").AssertReply("Ответим до")
            .StartTestAsync();

        var r = OnlyRequest;
        Assert.Equal((Issuer, "договор 77", RequestState.AwaitingIdentity), (r.DocumentIssuer, r.Relation, r.State));
    }

    [Theory]
    [InlineData("отмена")]
    [InlineData("Отмена.")]
    [InlineData("  ОТМЕНА!  ")]
    [InlineData("отменить")]
    [InlineData("Отменить запрос")]
    [InlineData("cancel")]
    [InlineData("Cancel")]
    [InlineData("стоп запрос")]
    public async Task Each_typed_cancel_variant_cancels_the_form_forgets_the_document_and_leaves_menu_buttons(string typed)
    {
        await Access().Press("Паспорт РФ").Send("4510 123456").SkipReplies()
            .Send(typed).AssertReply(r =>
            {
                Assert.Contains("отменён", r.Text, StringComparison.Ordinal);
                AssertButtons(r, BotTexts.MenuButton, BotTexts.MyDataButton);
            })
            .StartTestAsync();

        var cancelled = OnlyRequest;
        Assert.NotEqual(RequestState.AwaitingDetails, cancelled.State);
        Assert.Null(cancelled.DocumentNumber);
    }

    [Fact]
    public async Task Every_question_has_a_cancel_button_that_closes_the_form_with_menu_buttons()
    {
        await Access().AssertNoReply()
            .Press("Паспорт РФ").AssertAnswer("").AssertReply(r => AssertButtons(r, RequestPrompts.CancelButton))
            .Send("4510 123456").AssertReply(r => AssertButtons(r, RequestPrompts.CancelButton))
            .Press(RequestPrompts.CancelButton).AssertAnswer("").AssertReply(r => AssertButtons(r, BotTexts.MenuButton, BotTexts.MyDataButton))
            .Send("15.03.2019").AssertReply(r => Assert.DoesNotContain("Кем выдан", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.NotEqual(RequestState.AwaitingDetails, OnlyRequest.State);
    }

    [Theory]
    [InlineData("Паспорт иностранного гражданина", IdentityDocumentType.ForeignPassport, "ab 7654321", "AB7654321")]
    [InlineData("Вид на жительство", IdentityDocumentType.ResidencePermit, "82 №7654321", "82 7654321")]
    public async Task A_foreign_passport_or_residence_permit_is_accepted_with_its_type_and_number_and_shown_masked(string label, IdentityDocumentType type, string typed, string stored)
    {
        var adapter = _host.NewAdapter("p");
        await new TestFlow(adapter, _host.Bot).Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).Press("О себе").Press(label).SkipReplies()
            .Send("12 34").AssertReply("Попробуйте ещё раз")
            .Send(typed).AssertReply("Дата выдачи")
            .Send("15.03.2015").AssertReply("Кем выдан")
            .Send("МВД Республики Беларусь").AssertReply("отношения с клиникой")
            .Send("пациент, договор 77").AssertReply(r =>
            {
                Assert.Contains("Ответим до", r.Text, StringComparison.Ordinal);
                Assert.Contains($"Документ: {label} {SubjectRequest.Mask(stored)}.", r.Text, StringComparison.Ordinal);
                Assert.EndsWith("4321", SubjectRequest.Mask(stored), StringComparison.Ordinal);
            })
            .StartTestAsync();

        var request = OnlyRequest;
        Assert.Equal((type, stored, new DateOnly(2015, 3, 15)), (request.DocumentType, request.DocumentNumber, request.DocumentIssuedOn));
        Assert.DoesNotContain("7654321", string.Join("\n", adapter.Sent.Values.Select(m => m.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_representative_gives_their_own_document_and_the_power_of_attorney_which_is_stored_and_shown_masked()
    {
        var adapter = _host.NewAdapter("p");
        await new TestFlow(adapter, _host.Bot).Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).Press("Как представитель").SkipReplies()
            .Press("Паспорт РФ").SkipReplies()
            .Send("4510 123456").Send("15.03.2019").SkipReplies()
            .Send(Issuer).AssertReply("Номер доверенности")
            .Send("абв").AssertReply("номер доверенности")
            .Send("77 АА 7654321").AssertReply("Дата выдачи доверенности")
            .Send("01.02.2026").AssertReply("Кем выдана доверенность")
            .Send("нотариус Иванова И. И., от имени Петрова П. П.").AssertReply("представляемого")
            .Send("пациент Петров П. П., договор 77").AssertReply(r =>
                Assert.Contains("представителем по доверенности № •••••4321 от 01.02.2026", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var request = OnlyRequest;
        Assert.True(request.ByRepresentative);
        Assert.Equal(("77 АА 7654321", new DateOnly(2026, 2, 1), "нотариус Иванова И. И., от имени Петрова П. П."),
            (request.AttorneyNumber, request.AttorneyIssuedOn, request.AttorneyIssuer));
        Assert.Equal(("4510 123456", IdentityDocumentType.RussianPassport), (request.DocumentNumber, request.DocumentType));
        Assert.DoesNotContain("7654321", string.Join("\n", adapter.Sent.Values.Select(m => m.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_untouched_for_24_hours_expires_and_the_next_message_is_not_taken_as_an_answer()
    {
        await Access().Press("Паспорт РФ").Send("4510 123456").SkipReplies().StartTestAsync();

        // Each answer keeps the form alive for another day.
        _host.Clock.Advance(TimeSpan.FromHours(23));
        await _host.Chat("p").Send("15.03.2019").AssertReply("Кем выдан").StartTestAsync();
        _host.Clock.Advance(TimeSpan.FromHours(23));
        await _host.Chat("p").Send(Issuer).AssertReply("отношения с клиникой").StartTestAsync();

        _host.Clock.Advance(TimeSpan.FromHours(24));
        await _host.Chat("p").Send("договор 77").AssertReply(r =>
            {
                Assert.Contains("Запрос «Какие мои данные обрабатываются» не был заполнен за 24 часа и закрыт", r.Text, StringComparison.Ordinal);
                AssertButtons(r, RequestPrompts.RestartButton, BotTexts.MenuButton, BotTexts.MyDataButton);
            })
            .AssertNoReply()
            .StartTestAsync();

        var expired = OnlyRequest;
        Assert.NotEqual(RequestState.AwaitingDetails, expired.State);
        Assert.Null(expired.Relation);
        Assert.Null(expired.DocumentNumber);
    }

    [Fact]
    public async Task Withdrawing_a_consent_with_none_in_force_closes_the_form_and_offers_the_menu()
    {
        await _host.Chat("p").Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.WithdrawConsent)).AssertAnswer("")
            .AssertReply(r =>
            {
                Assert.Contains("отзывать нечего", r.Text, StringComparison.Ordinal);
                AssertButtons(r, BotTexts.MenuButton, BotTexts.MyDataButton);
            })
            .StartTestAsync();

        Assert.NotEqual(RequestState.AwaitingDetails, OnlyRequest.State);
    }

    [Fact]
    public async Task A_choice_question_answered_with_text_asks_again_with_its_buttons()
    {
        await Access().Send("паспорт").AssertReply(r =>
            {
                Assert.Contains("Выберите вариант кнопкой", r.Text, StringComparison.Ordinal);
                AssertButtons(r, "Паспорт РФ", "Паспорт иностранного гражданина", "Вид на жительство", "Другой документ", RequestPrompts.CancelButton);
            })
            .Send("вид на жительство").AssertReply("2 + 7 цифр")
            .StartTestAsync();

        Assert.Equal(IdentityDocumentType.ResidencePermit, OnlyRequest.DocumentType);
    }

    [Fact]
    public async Task A_repeat_access_request_offers_a_button_for_having_no_justification()
    {
        await Access().Press("Паспорт РФ").Send("4510 123456").Send("15.03.2019").Send(Issuer).Send("договор 77").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Access)).Press("О себе").Press("Паспорт РФ")
            .Send("4510 123456").Send("15.03.2019").Send(Issuer).SkipReplies()
            .Send("договор 77").AssertReply(r => AssertButtons(r, "Обоснования нет", RequestPrompts.CancelButton))
            .Press("Обоснования нет").AssertAnswer("").AssertReply("Повторный запрос без обоснования")
            .StartTestAsync();

        var repeat = Store.OfPerson(_host.Store.FindPerson("test", "p")!.Id).OrderBy(r => r.Id).Last();
        Assert.Equal((RequestState.AwaitingIdentity, null), (repeat.State, repeat.Statement));
        Assert.NotNull(repeat.ProposedRefusal);
    }

    private static void AssertButtons(Reply reply, params string[] labels)
    {
        Assert.Equal(ReplyKind.Message, reply.Kind);
        Assert.Equal(labels, reply.Buttons.Select(b => b.Label));
    }
}
