using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>A LiteDB store filled through the LiteDB stores, copied with the copy targets, read back through the PostgreSQL stores.</summary>
public sealed class RequestCopyTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_copied_LiteDb_store_reads_back_through_the_PostgreSql_stores_and_ids_go_on_after_the_largest()
    {
        using var lite = new RequestStoresOnLiteDb();
        await lite.Inbox.TryAddAsync(new InboxItem { Id = "test:2", Channel = "test", PersonKey = "test:anna", Payload = """{"text":"второе"}""", ReceivedAtUtc = T0.AddSeconds(1) });
        await lite.Inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = "test", PersonKey = "test:anna", Payload = """{"text":"первое"}""", ReceivedAtUtc = T0 });
        var done = new InboxItem { Id = "test:0", Channel = "test", PersonKey = "test:anna", Payload = "{}", ReceivedAtUtc = T0.AddSeconds(-1), ProcessedAtUtc = T0 };
        await lite.Inbox.TryAddAsync(done);
        await lite.Inbox.SetCursorAsync("vk", "1234");
        var request = new SubjectRequest { PersonId = "p-1", Type = RequestType.Access, CreatedAtUtc = T0, DueDate = new DateOnly(2026, 12, 23) };
        request.History.Add(new RequestHistoryItem(T0, RequestAction.Received, Actors.Person));
        await lite.Requests.SaveAsync(request, [], []);
        await lite.Requests.SaveAsync(request, [], [new OutboxMessage { Channel = "test", ChatId = "c", Text = "ответ", Kind = OutboxKind.RequestAnswer, RequestId = request.Id, CreatedAtUtc = T0 }]);
        await lite.Outbox.EnqueueAsync([new OutboxMessage { Channel = "test", ChatId = "c", Text = "реплика", Kind = OutboxKind.TurnReply, CreatedAtUtc = T0 }], []);
        var reply = lite.Outbox.Pending("test").Single(m => m.Kind == OutboxKind.TurnReply);
        await lite.Outbox.MarkDeliveredAsync(reply, T0);

        using var pg = await RequestStoresOnPostgreSql.CreateAsync();
        await pg.Storage.CommitNowAsync(async tx =>
        {
            foreach (var target in new IPgCopyTarget[] { new PgInboxCopy(), new PgRequestCopy() })
            {
                await target.CopyAsync(lite.Storage.Database, tx);
            }
        });

        Assert.Equal(["test:1", "test:2"], pg.Inbox.Unprocessed("test").Select(i => i.Id));
        Assert.Equal(["test:0", "test:1", "test:2"], pg.StoredInboxIds());
        Assert.Equal("1234", pg.Inbox.GetCursor("vk"));
        Assert.False(await pg.Inbox.TryAddAsync(new InboxItem { Id = "test:0", Channel = "test", ReceivedAtUtc = T0 }));
        var copied = pg.Requests.Find(request.Id)!;
        Assert.Equal((RequestType.Access, new DateOnly(2026, 12, 23)), (copied.Type, copied.DueDate));
        Assert.Equal(request.History, copied.History);
        var answer = Assert.Single(pg.Outbox.OutboxOfRequests([request.Id]));
        Assert.Equal(["ответ"], pg.Outbox.Pending("test").Select(m => m.Text));

        var next = new SubjectRequest { PersonId = "p-2", Type = RequestType.Access, CreatedAtUtc = T0 };
        await pg.Requests.SaveAsync(next, [], []);
        await pg.Outbox.EnqueueAsync([new OutboxMessage { Channel = "test", ChatId = "c", Text = "новое", Kind = OutboxKind.OperatorAlert, CreatedAtUtc = T0 }], []);
        Assert.Equal(request.Id + 1, next.Id);

        // LiteDB recorded outbox ids as used a block ahead; the deleted reply's id and the whole block are never handed out again.
        Assert.True(pg.Outbox.Pending("test").Max(m => m.Id) > Math.Max(answer.Id, reply.Id) + IdSequence.Block - 1);
    }
}
