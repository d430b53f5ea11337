using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Inbox;
using PdBot.Core.Requests;
using PdBot.Tests.Processing;
using PdBot.Tests.Requests;

namespace PdBot.Tests.Inbox;

/// <summary>What the inbox keeps of an update once it is processed, and what a person's erasure leaves of theirs (LiteDB on disk).</summary>
public sealed class InboxAtRestTests
{
    private const string Typed = "Мой паспорт 4510 123456, Иванова Анна";

    private static string StoredDocument(IServiceProvider services, string id) =>
        LiteDB.JsonSerializer.Serialize(services.GetRequiredService<LiteDbStorage>().Database.GetCollection(LiteInbox.Collection).FindById(id));

    [Fact]
    public async Task A_processed_update_keeps_its_key_and_a_hash_but_no_payload()
    {
        using var h = new LoopHarness();
        await h.SayAsync("anna", Typed);
        var item = Assert.Single(h.Inbox.Unprocessed("test"));
        var payload = item.Payload;
        Assert.Contains("4510 123456", StoredDocument(h.Host.Services, item.Id), StringComparison.Ordinal);

        await h.Loop.RunOnceAsync(default);

        var stored = StoredDocument(h.Host.Services, item.Id);
        Assert.DoesNotContain("4510", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Иванова", stored, StringComparison.Ordinal);
        Assert.Contains(InboxItem.Hash(payload), stored, StringComparison.Ordinal);
        Assert.Contains("\"PersonKey\":\"test:anna\"", stored, StringComparison.Ordinal);
        Assert.Contains("ProcessedAtUtc", stored, StringComparison.Ordinal);

        // De-duplication still works on what is left.
        Assert.False(await h.Inbox.TryAddAsync(new InboxItem { Id = item.Id, Channel = "test", Payload = payload }));
    }

    [Fact]
    public async Task A_failing_update_keeps_its_payload_for_the_retry_and_once_set_aside()
    {
        using var h = new LoopHarness(failWhen: a => a.Text == Typed);
        await h.SayAsync("anna", Typed);
        var id = Assert.Single(h.Inbox.Unprocessed("test")).Id;

        await h.Loop.RunOnceAsync(default);
        Assert.Contains("4510 123456", StoredDocument(h.Host.Services, id), StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            h.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await h.Loop.RunOnceAsync(default);
        }

        Assert.Empty(h.Inbox.Unprocessed("test"));
        Assert.Equal(1, h.Loop.SetAsideCount);
        Assert.Contains("4510 123456", StoredDocument(h.Host.Services, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sweep_strips_payloads_processed_updates_kept_from_before_and_leaves_unprocessed_ones()
    {
        using var host = new PdBotTestHost();
        var inbox = host.Services.GetRequiredService<IInbox>();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var old = new InboxItem { Id = "test:old", Channel = "test", Payload = $$"""{"text":"{{Typed}}"}""", ReceivedAtUtc = now, ProcessedAtUtc = now };
        await inbox.TryAddAsync(old);
        await inbox.TryAddAsync(new InboxItem { Id = "test:new", Channel = "test", Payload = $$"""{"text":"{{Typed}}"}""", ReceivedAtUtc = now });

        await inbox.SweepAsync(now - TimeSpan.FromDays(2));

        Assert.DoesNotContain("4510", StoredDocument(host.Services, "test:old"), StringComparison.Ordinal);
        Assert.Contains(InboxItem.Hash(old.Payload), StoredDocument(host.Services, "test:old"), StringComparison.Ordinal);
        Assert.Contains("4510", Assert.Single(inbox.Unprocessed("test")).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_erasure_deletes_their_inbox_items_stripped_or_not_and_leaves_others()
    {
        using var h = new RequestHost();
        var inbox = h.Host.Services.GetRequiredService<IInbox>();
        var person = await h.PersonAsync("100042");
        var now = h.Host.Clock.GetUtcNow().UtcDateTime;
        await inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = "test", PersonKey = person.Key, PayloadSha256 = "ab", ReceivedAtUtc = now, ProcessedAtUtc = now });
        await inbox.TryAddAsync(new InboxItem { Id = "test:unreachable:chat-100042:1", Channel = "test", PersonKey = person.Key, Payload = "unreachable:chat-100042", ReceivedAtUtc = now });
        await inbox.TryAddAsync(new InboxItem { Id = "test:2", Channel = "test", PersonKey = "test:200077", Payload = """{"text":"чужое"}""", ReceivedAtUtc = now });
        var r = await h.ReceiveAsync(person, RequestType.Destruction);
        Assert.True((await h.Service.ConfirmIdentityAsync(r.Id, "operator")).Ok);

        var result = await h.Service.ApproveAsync(r.Id, "oleg");

        Assert.True(result.Ok, result.Message);
        var left = h.Host.Services.GetRequiredService<LiteDbStorage>().Database.GetCollection<InboxItem>(LiteInbox.Collection).FindAll().Select(i => i.Id);
        Assert.Equal(["test:2"], left);
    }
}
