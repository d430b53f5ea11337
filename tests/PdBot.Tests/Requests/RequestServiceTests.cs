using PdBot.Core.Consent;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Requests;

/// <summary>Repeat access requests, operator actions and the messages they put into the outbox.</summary>
public sealed class RequestServiceTests : IDisposable
{
    private readonly RequestHost _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_repeat_access_request_within_30_days_without_justification_gets_a_prepared_refusal()
    {
        var person = await _h.PersonAsync("100042");
        var first = await _h.ReceiveAsync(person, RequestType.Access);
        _h.Host.Clock.Advance(TimeSpan.FromDays(10));

        var repeat = await _h.ReceiveAsync(person, RequestType.Access);

        Assert.Null(first.ProposedRefusal);
        Assert.NotNull(repeat.ProposedRefusal);
        Assert.Contains("ст. 14", _h.Requests.Find(repeat.Id)!.ProposedRefusal, StringComparison.Ordinal);

        // Prepared, not decided: the operator confirms or drops it.
        Assert.Equal(RequestState.AwaitingIdentity, repeat.State);
    }

    [Fact]
    public async Task A_repeat_access_request_with_a_justification_gets_no_prepared_refusal()
    {
        var person = await _h.PersonAsync("100042");
        await _h.ReceiveAsync(person, RequestType.Access);
        _h.Host.Clock.Advance(TimeSpan.FromDays(10));

        var repeat = await _h.ReceiveAsync(person, RequestType.Access, r => r.Statement = "Данные изменились после приёма 25.11");

        Assert.Null(repeat.ProposedRefusal);
    }

    [Fact]
    public async Task An_access_request_more_than_30_days_after_the_previous_one_gets_no_prepared_refusal()
    {
        var person = await _h.PersonAsync("100042");
        await _h.ReceiveAsync(person, RequestType.Access);
        _h.Host.Clock.Advance(TimeSpan.FromDays(RequestService.RepeatAccessDays + 1));

        var later = await _h.ReceiveAsync(person, RequestType.Access);

        Assert.Null(later.ProposedRefusal);
    }

    [Fact]
    public async Task Another_persons_access_request_is_not_a_repeat()
    {
        await _h.ReceiveAsync(await _h.PersonAsync("100042"), RequestType.Access);

        var other = await _h.ReceiveAsync(await _h.PersonAsync("200077"), RequestType.Access);

        Assert.Null(other.ProposedRefusal);
    }

    [Fact]
    public async Task Approving_before_the_identity_is_confirmed_is_refused_and_sends_nothing()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.ReceiveAsync(person, RequestType.Access);

        var result = await _h.Service.ApproveAsync(r.Id, "operator");

        Assert.False(result.Ok);
        Assert.Equal(RequestState.AwaitingIdentity, _h.Requests.Find(r.Id)!.State);
        Assert.Empty(_h.Outbox());
    }

    [Fact]
    public async Task An_answer_edited_by_the_operator_is_the_one_sent_and_stored_and_the_history_says_so()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.InProgressAsync(person);

        var result = await _h.Service.ApproveAsync(r.Id, "oleg", "  Ваши данные: только телефон.\r\nС уважением, клиника.  ");

        Assert.True(result.Ok, result.Message);
        var answer = Assert.Single(_h.Outbox(), m => m.Kind == "request-answer");
        Assert.Equal("Ваши данные: только телефон.\nС уважением, клиника.", answer.Text);
        var stored = _h.Requests.Find(r.Id)!;
        Assert.Equal(answer.Text, stored.AnswerText);
        Assert.Contains(stored.History, h => h.Actor == "oleg" && h.Note == "ответ изменён оператором");
    }

    [Fact]
    public async Task A_blank_edited_answer_sends_the_prepared_one()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.InProgressAsync(person);
        var prepared = _h.Service.PrepareAnswer(_h.Requests.Find(r.Id)!);

        await _h.Service.ApproveAsync(r.Id, "oleg", "   ");

        // Prepared again at approval (the request list inside moves on), so compare the opening, not every line.
        var sent = Assert.Single(_h.Outbox(), m => m.Kind == "request-answer").Text;
        Assert.StartsWith(prepared[..prepared.IndexOf('\n', StringComparison.Ordinal)], sent, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Requests.Find(r.Id)!.History, h => h.Note == "ответ изменён оператором");
    }

    [Fact]
    public async Task The_approved_access_answer_goes_to_the_persons_channel_and_tells_only_about_that_person()
    {
        var person = await _h.PersonAsync("100042");
        var other = await _h.PersonAsync("200077");
        await GiveMailingConsentAsync(other);
        await _h.ReceiveAsync(other, RequestType.Correction);
        var r = await _h.InProgressAsync(person);

        var result = await _h.Service.ApproveAsync(r.Id, "operator");

        Assert.True(result.Ok, result.Message);
        var answer = Assert.Single(_h.Outbox(), m => m.Kind == "request-answer");
        Assert.Equal(RequestHost.Channel, answer.Channel);
        Assert.Equal(person.ChatId, answer.ChatId);
        Assert.Contains($"Ответ на запрос № {r.Id}", answer.Text, StringComparison.Ordinal);
        Assert.Contains("идентификатор пользователя 100042", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("200077", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(RequestTexts.Title(RequestType.Correction), answer.Text, StringComparison.Ordinal);
        var stored = _h.Requests.Find(r.Id)!;
        Assert.Equal(RequestState.Answered, stored.State);
        Assert.Equal(answer.Text, stored.AnswerText);
        Assert.DoesNotContain(_h.Requests.Open(), o => o.Id == r.Id);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_the_reason_is_sent_to_the_person()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.ReceiveAsync(person, RequestType.Destruction);

        var bare = await _h.Service.RefuseAsync(r.Id, "  ", "operator");
        Assert.False(bare.Ok);
        Assert.Equal(RequestState.AwaitingIdentity, _h.Requests.Find(r.Id)!.State);

        var reasoned = await _h.Service.RefuseAsync(r.Id, "данные нужны по договору до 2031 года", "operator");

        Assert.True(reasoned.Ok, reasoned.Message);
        var notice = Assert.Single(_h.Outbox(), m => m.Kind == "request-refusal");
        Assert.Equal(person.ChatId, notice.ChatId);
        Assert.Contains("данные нужны по договору до 2031 года", notice.Text, StringComparison.Ordinal);
        var stored = _h.Requests.Find(r.Id)!;
        Assert.Equal(RequestState.Refused, stored.State);
        Assert.Contains(stored.History, h => h.Action == "refused" && h.Actor == "operator");
    }

    [Fact]
    public async Task An_unknown_request_number_is_refused_with_a_clear_message()
    {
        var result = await _h.Service.ConfirmIdentityAsync(99, "operator");

        Assert.False(result.Ok);
        Assert.Contains("№ 99", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_admin_channel_no_operator_alert_is_queued()
    {
        var person = await _h.PersonAsync("100042");

        await _h.ReceiveAsync(person, RequestType.Access);

        Assert.Empty(_h.Outbox());
        Assert.Empty(_h.Outbox("telegram"));
    }

    [Fact]
    public async Task A_new_request_alerts_the_configured_admin_chat_with_the_document_number_masked()
    {
        using var h = new RequestHost(new() { ["Requests:AdminChannel"] = "telegram", ["Requests:AdminChatId"] = "-100500" });
        var person = await h.PersonAsync("100042");

        var r = await h.ReceiveAsync(person, RequestType.Access, r => r.DocumentNumber = "4510 987654");

        var alert = Assert.Single(h.Outbox("telegram"));
        Assert.Equal("operator-alert", alert.Kind);
        Assert.Equal("-100500", alert.ChatId);
        Assert.Equal(r.Id, alert.RequestId);
        Assert.Contains($"Новый запрос № {r.Id}", alert.Text, StringComparison.Ordinal);
        Assert.Contains("07.12.2026", alert.Text, StringComparison.Ordinal);
        Assert.Contains("••••••7654", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", alert.Text, StringComparison.Ordinal);
        Assert.Empty(h.Outbox());
    }

    private async Task GiveMailingConsentAsync(Person person)
    {
        var record = new ConsentRecord { Id = ConsentRecord.MakeId(person.Id, "mailing"), PersonId = person.Id, PurposeId = "mailing", State = ConsentState.Given, TextVersion = 1 };
        await _h.People.SaveAsync(person, personChanged: false, [record], []);
    }
}
