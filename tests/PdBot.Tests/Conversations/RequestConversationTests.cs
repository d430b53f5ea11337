using PdBot.Bot.Hosting;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Conversations;

public sealed class RequestConversationTests : IDisposable
{
    private const string Box = "☐ Согласен(на) на рассылку";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private RequestService Requests => (RequestService)_host.Services.GetService(typeof(RequestService))!;

    private IOutbox Store => (IOutbox)_host.Services.GetService(typeof(IOutbox))!;

    private IRequestStore RequestStore => (IRequestStore)_host.Services.GetService(typeof(IRequestStore))!;

    private RetentionWorker Worker => (RetentionWorker)_host.Services.GetService(typeof(RetentionWorker))!;

    private static TestFlow AccessIntake(TestFlow flow) => flow
        .Send("/privacy").SkipReplies()
        .Press(RequestTexts.Title(RequestType.Access)).Press("О себе").Press("Паспорт РФ").SkipReplies()
        .Send("4510 123456").Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор № 77 от 01.02.2026");

    [Fact]
    public async Task An_access_request_goes_from_intake_through_identity_check_and_approval_to_delivery_with_its_due_date()
    {
        var adapter = _host.NewAdapter("patient");
        await AccessIntake(new TestFlow(adapter, _host.Bot)).StartTestAsync();
        var received = adapter.Replies.Last();
        Assert.Contains("Ответим до 07.12.2026", received.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", string.Join("\n", adapter.Replies.Select(r => r.Text)), StringComparison.Ordinal);

        var request = Assert.Single(Requests.Queue());
        Assert.Equal((RequestState.AwaitingIdentity, new DateOnly(2026, 12, 7)), (request.State, request.DueDate));
        Assert.False((await Requests.ApproveAsync(request.Id, "operator")).Ok);

        _host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await Requests.ConfirmIdentityAsync(request.Id, "operator")).Ok);
        Assert.True((await Requests.ApproveAsync(request.Id, "operator")).Ok);
        adapter.Replies.Clear();
        await OutboxDispatcher.DeliverAsync(Store, adapter, "test", _host.Clock, default);

        var answer = Assert.Single(adapter.Replies);
        Assert.Contains("10. Меры по ст. 18.1", answer.Text, StringComparison.Ordinal);
        Assert.Contains("идентификатор пользователя patient", answer.Text, StringComparison.Ordinal);
        var done = RequestStore.Find(request.Id)!;
        Assert.Equal(RequestState.Answered, done.State);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, done.AnswerDeliveredAtUtc);
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task The_answer_never_contains_another_persons_data()
    {
        await _host.Chat("someone-else").Send("/start").Press(Box).Press("Отправить").StartTestAsync();
        var adapter = _host.NewAdapter("patient");
        await AccessIntake(new TestFlow(adapter, _host.Bot)).StartTestAsync();
        var id = Requests.Queue().Single().Id;

        await Requests.ConfirmIdentityAsync(id, "operator");
        await Requests.ApproveAsync(id, "operator");

        Assert.DoesNotContain("someone-else", RequestStore.Find(id)!.AnswerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_intake_answers_get_a_clear_message_and_nothing_typed_before_is_lost_even_across_a_restart()
    {
        await _host.Chat("p").Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Correction)).Press("О себе").Press("Паспорт РФ").SkipReplies()
            .Send("12 34").AssertReply("4 + 6 цифр")
            .Send("4510 123456").AssertReply("Дата выдачи")
            .Send("32.13.2020").AssertReply("Не удалось прочитать дату")
            .Send("01.01.2027").AssertReply("не может быть в будущем")
            .StartTestAsync();

        _host.Restart();

        await _host.Chat("p").Send("15.03.2019").AssertReply("Кем выдан")
            .Send("ОВД").AssertReply("не короче 5 символов")
            .Send("Отделом УФМС России по г. Москве").AssertReply("отношения с клиникой")
            .Send("договор 77").AssertReply("Какие данные неточны")
            .Send("Фамилия указана с ошибкой: правильно Иванова").AssertReply("Ответим до 02.12.2026")
            .StartTestAsync();

        var r = Assert.Single(Requests.Queue());
        Assert.Equal(("4510 123456", new DateOnly(2019, 3, 15), RequestState.AwaitingIdentity), (r.DocumentNumber, r.DocumentIssuedOn, r.State));
    }

    [Fact]
    public async Task A_blocking_request_blocks_the_data_from_the_moment_it_is_received()
    {
        await _host.Chat("p").Send("/privacy").SkipReplies()
            .Press(RequestTexts.Title(RequestType.Blocking)).Press("О себе").Press("Паспорт РФ").SkipReplies()
            .Send("4510 123456").Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор 77").SkipReplies()
            .Send("Мои данные обрабатываются без основания").AssertReply(r => Assert.Contains("Ответим до 23.11.2026", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var r = Assert.Single(Requests.Queue());
        Assert.Equal(RequestState.Blocked, r.State);
        Assert.Contains(r.History, h => h.Action == "blocked-on-receipt");
    }

    [Fact]
    public async Task Requests_are_reachable_without_any_marketing_consent()
    {
        await _host.Chat("new").Send("/privacy").AssertReply(r => Assert.Contains(RequestTexts.Title(RequestType.Access), r.Buttons.Select(b => b.Label)))
            .StartTestAsync();

        Assert.Empty(_host.ConsentEvents());
    }

    [Fact]
    public async Task A_withdrawn_consent_is_destroyed_on_its_due_day_the_chain_still_verifies_and_the_person_is_told()
    {
        var adapter = _host.NewAdapter("u1");
        await new TestFlow(adapter, _host.Bot).Send("/start").Press(Box).Press("Отправить").Send("/stop").StartTestAsync();
        var scheduled = Assert.Single(Requests.Queue());
        Assert.Equal((RequestType.WithdrawConsent, RequestState.InProgress, new DateOnly(2026, 12, 7)), (scheduled.Type, scheduled.State, scheduled.DueDate));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero));
        await Worker.RunOnceAsync(default);
        Assert.NotNull(_host.Store.FindPerson("test", "u1"));

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        await Worker.RunOnceAsync(default);
        adapter.Replies.Clear();
        await OutboxDispatcher.DeliverAsync(Store, adapter, "test", _host.Clock, default);

        Assert.Null(_host.Store.FindPerson("test", "u1"));
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.UserId == "u1");
        Assert.Contains(_host.Audit.ReadAll(), e => e.Event == "destroyed" && e.Detail!.Contains("информационная система: PdBot", StringComparison.Ordinal));
        Assert.True(_host.Audit.Verify().IsIntact);
        Assert.Contains("уничтожены 07.12.2026", Assert.Single(adapter.Replies).Text, StringComparison.Ordinal);
        Assert.Empty(Requests.Queue());
    }

    [Fact]
    public async Task With_another_consent_still_in_force_the_data_are_kept_blocked_and_the_reason_recorded()
    {
        var patient = _host.Catalog.Get("patient");
        await _host.Chat("u1").Send("/start").Press(Box).Press("Отправить")
            .Press(Bot.Conversation.BotTexts.GiveConsentPrefix + patient.Title).Press("☐ " + patient.Label).Press("Отправить")
            .Send("Отписаться").StartTestAsync();

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero));
        await Worker.RunOnceAsync(default);

        Assert.NotNull(_host.Store.FindPerson("test", "u1"));
        var blocked = Assert.Single(_host.Audit.ReadAll(), e => e.Event == "blocked");
        Assert.Contains(patient.Title, blocked.Detail, StringComparison.Ordinal);
        Assert.True(_host.Audit.Verify().IsIntact);
    }
}
