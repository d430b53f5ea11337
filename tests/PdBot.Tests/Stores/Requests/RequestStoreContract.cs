using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>What every request store does: requests with their history, in-turn reads, audit entries, and a destruction that erases in its own transaction.</summary>
public abstract class RequestStoreContract : RequestStoresTest
{
    private IRequestStore Requests => Stores.Requests;

    [Fact]
    public async Task A_saved_request_reads_back_with_its_history_by_id_by_person_and_while_open()
    {
        var request = Request("p-1", RequestType.Correction);
        request.History.Add(new RequestHistoryItem(T0, RequestAction.Received, Actors.Person));
        request.DueDate = new DateOnly(2026, 12, 3);
        await Requests.SaveAsync(request, [], []);
        await Requests.SaveAsync(Request("p-2", RequestType.Access), [], []);

        var back = Requests.Find(request.Id)!;

        Assert.Equal(1, request.Id);
        Assert.Equal((RequestType.Correction, RequestState.Received, new DateOnly(2026, 12, 3), "Иванова, договор 12"), (back.Type, back.State, back.DueDate, back.Relation));
        Assert.Equal([new RequestHistoryItem(T0, RequestAction.Received, Actors.Person)], back.History);
        Assert.Equal([request.Id], Requests.OfPerson("p-1").Select(r => r.Id));
        Assert.Equal([1L, 2L], Requests.Open().Select(r => r.Id));

        back.State = RequestState.Answered;
        back.History.Add(new RequestHistoryItem(T0.AddHours(1), RequestAction.Answered, "oleg", "ответ"));
        await Requests.SaveAsync(back, [], []);

        Assert.Equal([2L], Requests.Open().Select(r => r.Id));
        Assert.Equal([1L, 2L], Requests.All().Select(r => r.Id));
        Assert.Equal(2, Requests.Find(1)!.History.Count);
        Assert.Null(Requests.Find(99));
    }

    [Fact]
    public async Task Inside_a_turn_a_saved_request_is_read_back_before_the_commit_and_a_dropped_turn_keeps_nothing()
    {
        using (Stores.BeginTurn())
        {
            await Requests.SaveAsync(Request("p-1", RequestType.Access), [], []);
            Assert.Single(Requests.OfPerson("p-1"));
        }

        Assert.Empty(Requests.OfPerson("p-1"));

        var turn = Stores.BeginTurn();
        long id;
        using (turn)
        {
            var request = Request("p-1", RequestType.Blocking);
            await Requests.SaveAsync(request, [], []);
            id = request.Id;
            Assert.Equal(RequestType.Blocking, Requests.Find(id)!.Type);
            Assert.Empty(Requests.All());
        }

        await Stores.CommitTurnAsync(turn);

        Assert.Equal([id], Requests.OfPerson("p-1").Select(r => r.Id));
        Assert.True(id > 1, "the id of the dropped turn is not handed out again");
    }

    [Fact]
    public async Task A_saved_request_appends_its_audit_entries_and_queues_its_answer_in_the_same_write()
    {
        var request = Request("p-1", RequestType.Access);
        await Requests.SaveAsync(request, [], []);

        await Requests.SaveAsync(request, [Entry("p-1", "100042")], [Message("test", OutboxKind.RequestAnswer, request)]);

        var entry = Assert.Single(Stores.Audit.ReadAll());
        Assert.Equal($"request {request.Id}", entry.Detail);
        Assert.True(Stores.Audit.Verify().IsIntact);
        var answer = Assert.Single(Stores.Outbox.OutboxOfRequests([request.Id]));
        Assert.True(answer.Id > 0);
        Assert.Equal(answer.Id, Assert.Single(Stores.Outbox.Pending("test")).Id);
    }

    [Fact]
    public async Task A_destruction_erases_inside_its_transaction_and_the_chain_still_verifies()
    {
        var anna = await PersonAsync("100042");
        await Stores.Inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = "test", PersonKey = anna.Key, Payload = """{"text":"паспорт"}""", ReceivedAtUtc = T0 });
        await Stores.Inbox.TryAddAsync(new InboxItem { Id = "test:2", Channel = "test", PersonKey = "test:200077", Payload = "{}", ReceivedAtUtc = T0 });
        await Stores.Audit.AppendAsync([Entry(anna.Id, anna.PlatformUserId)]);
        var request = Request(anna.Id, RequestType.Destruction);
        (request.DocumentNumber, request.Statement) = ("4510 123456", "удалите всё");
        await Requests.SaveAsync(request, [Entry(anna.Id, anna.PlatformUserId)], []);

        var changes = new RequestChanges { Erasure = new PersonErasure(anna.Id, Identifiers: true) };
        request.State = RequestState.Answered;
        request.History.Add(new RequestHistoryItem(T0, RequestAction.Destroyed, "oleg"));
        changes.Requests.Add(request);
        changes.Audit.Add(Entry(anna.Id, anna.PlatformUserId));
        changes.Outgoing.Add(Message("test", OutboxKind.RequestAnswer, request));
        await Requests.CommitAsync(changes);

        Assert.Equal(["test:2"], Stores.StoredInboxIds());
        var person = Stores.FindPerson(anna.Id)!;
        Assert.Equal(("erased:" + anna.Id, "", "", true), (person.Key, person.PlatformUserId ?? "", person.ChatId ?? "", person.Unreachable));
        var erased = Requests.Find(request.Id)!;
        Assert.Equal((null, null, RequestState.Answered), (erased.DocumentNumber, erased.Statement, erased.State));
        Assert.Equal(RequestAction.Destroyed, erased.History[^1].Action);
        var entries = Stores.Audit.ReadAll().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((null, null), (e.UserId, e.UserSalt)));
        Assert.All(entries, e => Assert.NotEmpty(e.UserDigest));
        Assert.True(Stores.Audit.Verify().IsIntact);
        Assert.Single(Stores.Outbox.OutboxOfRequests([request.Id]));
    }

    [Fact]
    public async Task A_destruction_refused_for_a_consent_in_force_leaves_everything_as_it_was()
    {
        var anna = await PersonAsync("100042", new ConsentRecord { Id = "c-1", PersonId = "p-100042", PurposeId = "mailing", State = ConsentState.Given, TextVersion = 1 });
        await Stores.Inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = "test", PersonKey = anna.Key, Payload = "{}", ReceivedAtUtc = T0 });
        var request = Request(anna.Id, RequestType.Destruction);
        request.DocumentNumber = "4510 123456";
        await Requests.SaveAsync(request, [], []);

        var changes = new RequestChanges { Erasure = new PersonErasure(anna.Id, Identifiers: true) };
        changes.Audit.Add(Entry(anna.Id, anna.PlatformUserId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Requests.CommitAsync(changes));

        // The inbox's eraser ran before the guard: its deletion went back with the rest.
        Assert.Equal(["test:1"], Stores.StoredInboxIds());
        Assert.Equal("4510 123456", Requests.Find(request.Id)!.DocumentNumber);
        Assert.Equal(anna.Key, Stores.FindPerson(anna.Id)!.Key);
        Assert.Empty(Stores.Audit.ReadAll());
        Assert.True(Stores.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_destruction_without_identifiers_forgets_the_documents_and_keeps_the_platform_ids()
    {
        var anna = await PersonAsync("100042");
        var request = Request(anna.Id, RequestType.Destruction);
        request.DocumentNumber = "4510 123456";
        await Requests.SaveAsync(request, [], []);

        await Requests.CommitAsync(new RequestChanges { Erasure = new PersonErasure(anna.Id, Identifiers: false) });

        Assert.Null(Requests.Find(request.Id)!.DocumentNumber);
        Assert.Null(Requests.Find(request.Id)!.Relation);
        Assert.Equal(anna.Key, Stores.FindPerson(anna.Id)!.Key);
    }

    protected static SubjectRequest Request(string personId, RequestType type) =>
        new() { PersonId = personId, Type = type, CreatedAtUtc = T0, ReceivedAtUtc = T0, Relation = "Иванова, договор 12" };

    protected static AuditEntry Entry(string personId, string userId) =>
        new() { TimeUtc = T0, Kind = RequestAction.RequestKind, Event = "request-test", Channel = "test", PersonId = personId, UserId = userId, Actor = "oleg" };

    protected static OutboxMessage Message(string channel, string kind, SubjectRequest? request = null) =>
        new() { Channel = channel, ChatId = "chat-1", Text = "Ответ", Kind = kind, RequestId = request?.Id, CreatedAtUtc = T0 };
}
