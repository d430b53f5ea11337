using System.Text.RegularExpressions;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Requests;

/// <summary>What approving each kind of request does to the stored data (LiteDB on disk), and the answer that says so.</summary>
public sealed partial class ApprovalEffectTests : IDisposable
{
    private readonly RequestHost _h = new();

    public void Dispose() => _h.Dispose();

    private IInbox Inbox => (IInbox)_h.Host.Services.GetService(typeof(IInbox))!;

    /// <summary>A person on the test channel with the given consents in force.</summary>
    private async Task<Person> PersonWithConsentsAsync(string userId, params string[] purposes)
    {
        var session = ConsentSession.Open(_h.People, _h.Host.Catalog, _h.Host.Clock, RequestHost.Channel, userId, "chat-" + userId);
        foreach (var p in purposes)
        {
            Assert.True(session.Offer(p) && session.Tick(p) && session.Submit(p, null));
        }

        await session.SaveAsync();
        return session.Person;
    }

    private async Task<SubjectRequest> InProgressWithDocumentAsync(Person person, RequestType type)
    {
        var r = await _h.ReceiveAsync(person, type, x => (x.DocumentNumber, x.DocumentIssuer, x.Relation, x.Statement) = ("4510 987654", "ОВД Арбат", "договор № 77", "прошу"));
        Assert.True((await _h.Service.ConfirmIdentityAsync(r.Id, "operator")).Ok);
        return _h.Requests.Find(r.Id)!;
    }

    [Fact]
    public async Task Approved_destruction_erases_platform_ids_form_answers_documents_and_stored_messages_and_says_what_is_kept()
    {
        var person = await PersonWithConsentsAsync("100042", "mailing");
        await Inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = RequestHost.Channel, Payload = """{"message":{"from":{"id":100042},"text":"привет"}}""", ReceivedAtUtc = _h.Host.Clock.GetUtcNow().UtcDateTime });
        await Inbox.TryAddAsync(new InboxItem { Id = "test:2", Channel = RequestHost.Channel, Payload = """{"message":{"from":{"id":200077},"text":"чужое"}}""", ReceivedAtUtc = _h.Host.Clock.GetUtcNow().UtcDateTime });
        var r = await InProgressWithDocumentAsync(person, RequestType.Destruction);

        var result = await _h.Service.ApproveAsync(r.Id, "oleg");

        Assert.True(result.Ok, result.Message);
        var erased = _h.People.FindPersonById(person.Id)!;
        Assert.True(string.IsNullOrEmpty(erased.PlatformUserId) && string.IsNullOrEmpty(erased.ChatId));
        Assert.NotNull(erased.ErasedAtUtc);
        Assert.Null(_h.People.FindPerson(RequestHost.Channel, "100042"));
        var done = _h.Requests.Find(r.Id)!;
        Assert.Equal(RequestState.Answered, done.State);
        Assert.Equal((null, null, null, null), (done.DocumentNumber, done.DocumentIssuer, done.Relation, done.Statement));
        Assert.Equal(ConsentState.Withdrawn, _h.People.RecordsOf(person.Id).Single().State);
        Assert.Equal(["test:2"], Inbox.Unprocessed(RequestHost.Channel).Select(i => i.Id));
        Assert.DoesNotContain(_h.Host.Audit.ReadAll(), e => e.UserId == "100042");
        var act = Assert.Single(_h.Host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
        Assert.Contains("субъект " + person.Id, act.Detail, StringComparison.Ordinal);
        Assert.Contains("информационная система: PdBot", act.Detail, StringComparison.Ordinal);
        Assert.True(_h.Host.Audit.Verify().IsIntact);
        var answer = Assert.Single(_h.Outbox(), m => m.Kind == "request-answer");
        Assert.Equal("chat-100042", answer.ChatId);
        Assert.Contains("Уничтожены:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Сохранена только обезличенная запись", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approved_destruction_keeps_the_ids_a_patient_contract_needs_and_withdraws_the_other_consents()
    {
        var person = await PersonWithConsentsAsync("100042", "mailing", "patient");
        var r = await InProgressWithDocumentAsync(person, RequestType.Destruction);

        Assert.True((await _h.Service.ApproveAsync(r.Id, "oleg")).Ok);

        var kept = _h.People.FindPerson(RequestHost.Channel, "100042");
        Assert.NotNull(kept);
        Assert.Null(kept.ErasedAtUtc);
        var consents = _h.People.RecordsOf(person.Id).ToDictionary(c => c.PurposeId, c => c.State);
        Assert.Equal(ConsentState.Withdrawn, consents["mailing"]);
        Assert.Equal(ConsentState.Given, consents["patient"]);
        Assert.Null(_h.Requests.Find(r.Id)!.DocumentNumber);
        Assert.Contains("6.2.16", Assert.Single(_h.Outbox(), m => m.Kind == "request-answer").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_destroyed_persons_other_open_requests_are_closed_with_a_reason_and_nothing_is_sent_to_nobody()
    {
        var person = await PersonWithConsentsAsync("100042");
        var access = await _h.ReceiveAsync(person, RequestType.Access);
        var r = await InProgressWithDocumentAsync(person, RequestType.Destruction);

        Assert.True((await _h.Service.ApproveAsync(r.Id, "oleg")).Ok);

        var closed = _h.Requests.Find(access.Id)!;
        Assert.Equal(RequestState.Closed, closed.State);
        Assert.Contains("уничтожены", closed.CloseReason, StringComparison.Ordinal);
        Assert.Contains(closed.History, h => h.Action == RequestAction.Closed);
        Assert.False((await _h.Service.ApproveAsync(access.Id, "oleg")).Ok);
        Assert.DoesNotContain(_h.Requests.Open(), o => o.PersonId == person.Id);
    }

    [Fact]
    public async Task Blocking_marks_the_person_blocked_from_receipt_and_unblocking_after_the_answer_lifts_it()
    {
        var person = await PersonWithConsentsAsync("100042", "mailing");
        var r = await _h.ReceiveAsync(person, RequestType.Blocking);

        Assert.True(_h.People.FindPersonById(person.Id)!.Blocked);
        Assert.False(_h.People.FindPersonById(person.Id)!.MayProcess());
        Assert.True((await _h.Service.ConfirmIdentityAsync(r.Id, "oleg")).Ok);
        Assert.True((await _h.Service.ApproveAsync(r.Id, "oleg")).Ok);
        Assert.True(_h.People.FindPersonById(person.Id)!.Blocked);
        Assert.Contains("заблокированы", Assert.Single(_h.Outbox(), m => m.Kind == "request-answer").Text, StringComparison.Ordinal);

        Assert.True((await _h.Service.UnblockAsync(r.Id, "oleg")).Ok);

        Assert.False(_h.People.FindPersonById(person.Id)!.Blocked);
        Assert.Contains(_h.Requests.Find(r.Id)!.History, h => h.Action == RequestAction.Unblocked);
    }

    [Fact]
    public async Task Stop_processing_stops_marketing_on_receipt_and_the_other_consents_on_approval()
    {
        var person = await PersonWithConsentsAsync("100042", "mailing", "consultation");
        var r = await _h.ReceiveAsync(person, RequestType.StopProcessing);

        var afterReceipt = _h.People.RecordsOf(person.Id).ToDictionary(c => c.PurposeId, c => c.State);
        Assert.Equal((ConsentState.Withdrawn, ConsentState.Given), (afterReceipt["mailing"], afterReceipt["consultation"]));
        Assert.True((await _h.Service.ConfirmIdentityAsync(r.Id, "oleg")).Ok);
        Assert.True((await _h.Service.ApproveAsync(r.Id, "oleg")).Ok);

        Assert.All(_h.People.RecordsOf(person.Id), c => Assert.Equal(ConsentState.Withdrawn, c.State));
        Assert.Equal(2, _h.Host.ConsentEvents("withdrawn").Count(e => e.PersonId == person.Id));
    }

    [Fact]
    public async Task Correction_changes_the_values_on_approval_and_the_audit_keeps_only_their_hashes()
    {
        var person = await PersonWithConsentsAsync("100042");
        var r = await InProgressWithDocumentAsync(person, RequestType.Correction);

        var none = await _h.Service.ApproveAsync(r.Id, "oleg", null, null);
        var badDate = await _h.Service.ApproveAsync(r.Id, "oleg", null, new Dictionary<string, string> { ["issued"] = "вчера" });
        var result = await _h.Service.ApproveAsync(r.Id, "oleg", null, new Dictionary<string, string> { ["issuer"] = "ОВД Пресненский", ["relation"] = "договор № 78" });

        Assert.False(none.Ok);
        Assert.Contains("Укажите исправленные значения", none.Message, StringComparison.Ordinal);
        Assert.False(badDate.Ok);
        Assert.True(result.Ok, result.Message);
        var done = _h.Requests.Find(r.Id)!;
        Assert.Equal(("ОВД Пресненский", "договор № 78"), (done.DocumentIssuer, done.Relation));
        var audit = _h.Host.Audit.ReadAll().Where(e => e.Event == "request-corrected").ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, e => e.Detail!.Contains(CorrectionFields.Hash("ОВД Арбат") + " -> sha256 " + CorrectionFields.Hash("ОВД Пресненский"), StringComparison.Ordinal));
        Assert.DoesNotContain(_h.Host.Audit.ReadAll(), e => (e.Detail ?? "").Contains("Пресненский", StringComparison.Ordinal) || (e.Detail ?? "").Contains("№ 78", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_the_person_cancels_is_cancelled_by_them_and_never_stored_as_refused()
    {
        var person = await PersonWithConsentsAsync("100042");
        var draft = _h.Service.Start(person, RequestType.Access, "Document");
        await _h.Service.SaveDraftAsync(draft);

        Assert.True(await _h.Service.CancelAsync(draft, "отменён заявителем"));

        var stored = _h.Requests.Find(draft.Id)!;
        Assert.Equal(RequestState.Cancelled, stored.State);
        Assert.Null(stored.RefusalReason);
        Assert.False(stored.IsOpen);
        Assert.Equal("отменён заявителем", PdBot.Core.Labels.RussianLabels.State(stored.State));
    }

    [Fact]
    public async Task The_access_answer_names_states_in_russian_and_lists_only_categories_of_consents_given()
    {
        var person = await PersonWithConsentsAsync("100042", "mailing");
        var session = ConsentSession.Open(_h.People, _h.Host.Catalog, _h.Host.Clock, RequestHost.Channel, "100042", "chat-100042");
        session.Withdraw("mailing", null);
        await session.SaveAsync();
        var r = await _h.InProgressAsync(person);

        Assert.True((await _h.Service.ApproveAsync(r.Id, "oleg")).Ok);

        var text = Assert.Single(_h.Outbox(), m => m.Kind == "request-answer").Text;
        foreach (var english in Enum.GetNames<ConsentState>().Concat(Enum.GetNames<RequestState>()))
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }

        Assert.Contains("Рассылка клиники: отозвано", text, StringComparison.Ordinal);
        Assert.Contains("в работе", text, StringComparison.Ordinal);
        Assert.Contains("история сообщений боту", text, StringComparison.Ordinal);
        Assert.DoesNotContain("номер телефона", text, StringComparison.Ordinal);
        Assert.DoesNotContain("текст отзыва", text, StringComparison.Ordinal);

        // Allowed Latin: product names, the /privacy command, e-mail and web addresses, the test channel and chat ids.
        string[] allowed = ["Telegram", "PdBot", "privacy", RequestHost.Channel, "chat-100042"];
        var latin = LatinWord().Matches(text).Select(m => m.Value)
            .Where(w => !allowed.Contains(w) && !w.Contains('@', StringComparison.Ordinal) && !w.Contains('.', StringComparison.Ordinal)).ToList();
        Assert.Equal([], latin);
    }

    [GeneratedRegex(@"[\w.@-]*[A-Za-z]{3,}[\w.@-]*")]
    private static partial Regex LatinWord();
}
