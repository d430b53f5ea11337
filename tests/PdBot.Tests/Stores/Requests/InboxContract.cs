using PdBot.Core.Inbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>What every inbox store does: the insert is the dedupe, order, failed attempts, the sweep, cursors, erasure.</summary>
public abstract class InboxContract : RequestStoresTest
{
    protected const string Typed = "Мой паспорт 4510 123456, Иванова Анна";

    protected IInbox Inbox => Stores.Inbox;

    protected static InboxItem Item(string id, DateTime at, string? personKey = null, string? payload = null) =>
        new() { Id = id, Channel = "test", PersonKey = personKey, Payload = payload ?? $$"""{"text":"{{Typed}}"}""", ReceivedAtUtc = at };

    [Fact]
    public async Task A_redelivered_update_is_not_stored_twice()
    {
        Assert.True(await Inbox.TryAddAsync(Item("test:1", T0)));
        Assert.False(await Inbox.TryAddAsync(Item("test:1", T0.AddMinutes(1))));

        Assert.Equal(T0, Assert.Single(Inbox.Unprocessed("test")).ReceivedAtUtc);
    }

    [Fact]
    public async Task Unprocessed_updates_of_a_channel_come_oldest_first_and_processed_ones_drop_out()
    {
        await Inbox.TryAddAsync(Item("test:3", T0.AddSeconds(2)));
        await Inbox.TryAddAsync(Item("test:ab", T0));
        await Inbox.TryAddAsync(Item("test:a-b", T0));
        await Inbox.TryAddAsync(Item("test:a", T0.AddSeconds(1)));
        await Inbox.TryAddAsync(Item("test:done", T0.AddSeconds(-5)));
        await Inbox.TryAddAsync(new InboxItem { Id = "vk:1", Channel = "vk", Payload = "{}", ReceivedAtUtc = T0.AddSeconds(-9) });
        await Stores.MarkProcessedAsync(Inbox.Unprocessed("test")[0].Processed(T0));

        var unprocessed = Inbox.Unprocessed("test");

        // Same time: by id, ordinal (not by the database's collation).
        Assert.Equal(["test:a-b", "test:ab", "test:a", "test:3"], unprocessed.Select(i => i.Id));
        Assert.All(unprocessed, i => Assert.Equal(DateTimeKind.Utc, i.ReceivedAtUtc.Kind));
        Assert.Equal(["vk:1"], Inbox.Unprocessed("vk").Select(i => i.Id));
    }

    [Fact]
    public async Task A_failed_attempt_is_counted_with_its_error_and_the_update_keeps_its_payload()
    {
        await Inbox.TryAddAsync(Item("test:1", T0, "test:anna"));

        await Inbox.MarkFailedAsync(Inbox.Unprocessed("test")[0], "TimeoutException");
        await Inbox.MarkFailedAsync(Inbox.Unprocessed("test")[0], "HttpRequestException");

        var item = Assert.Single(Inbox.Unprocessed("test"));
        Assert.Equal((2, "HttpRequestException"), (item.Attempts, item.LastError));
        Assert.Contains("4510 123456", item.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_processed_update_keeps_its_key_and_a_hash_but_no_payload_and_still_dedupes()
    {
        var item = Item("test:1", T0, "test:anna");
        await Inbox.TryAddAsync(item);

        await Stores.MarkProcessedAsync(item.Processed(T0));

        var stored = Stores.StoredInboxDocument("test:1")!;
        Assert.DoesNotContain("4510", stored, StringComparison.Ordinal);
        Assert.Contains(InboxItem.Hash(item.Payload), stored, StringComparison.Ordinal);
        Assert.Contains("test:anna", stored, StringComparison.Ordinal);
        Assert.Empty(Inbox.Unprocessed("test"));
        Assert.False(await Inbox.TryAddAsync(Item("test:1", T0)));
    }

    [Fact]
    public async Task The_sweep_deletes_old_processed_updates_strips_recent_ones_and_leaves_unprocessed_and_set_aside_ones()
    {
        var old = T0.AddDays(-3);
        await Inbox.TryAddAsync(Item("test:old", old).Processed(old));
        await Inbox.TryAddAsync(Item("test:old-waiting", old));
        await Inbox.TryAddAsync(Item("test:recent", T0).Processed(T0));
        var aside = Item("test:aside", T0).Processed(T0);
        aside.SetAside = true;
        await Inbox.TryAddAsync(aside);

        Assert.Equal(1, await Inbox.SweepAsync(T0.AddDays(-2)));

        Assert.Equal(["test:aside", "test:old-waiting", "test:recent"], Stores.StoredInboxIds());
        Assert.DoesNotContain("4510", Stores.StoredInboxDocument("test:recent"), StringComparison.Ordinal);
        Assert.Contains(InboxItem.Hash(Item("x", T0).Payload), Stores.StoredInboxDocument("test:recent"), StringComparison.Ordinal);
        Assert.Contains("4510", Stores.StoredInboxDocument("test:aside"), StringComparison.Ordinal);
        Assert.Contains("4510", Assert.Single(Inbox.Unprocessed("test")).Payload, StringComparison.Ordinal);
        Assert.True(await Inbox.TryAddAsync(Item("test:old", T0)));
    }

    [Fact]
    public async Task A_cursor_is_kept_per_channel_and_replaced()
    {
        Assert.Null(Inbox.GetCursor("vk"));

        await Inbox.SetCursorAsync("vk", "100");
        await Inbox.SetCursorAsync("vk", "205");
        await Inbox.SetCursorAsync("telegram", "7");

        Assert.Equal(("205", "7"), (Inbox.GetCursor("vk"), Inbox.GetCursor("telegram")));
    }

    [Fact]
    public async Task An_erasure_with_identifiers_deletes_the_persons_updates_by_key_or_by_sender_and_leaves_others()
    {
        var anna = await PersonAsync("100042");
        await Inbox.TryAddAsync(Item("test:1", T0, anna.Key).Processed(T0).Stripped());
        await Inbox.TryAddAsync(Item("test:2", T0, anna.Key));
        await Inbox.TryAddAsync(Item("test:3", T0, payload: """{"message":{"from":{"id":100042},"text":"старое"}}"""));
        await Inbox.TryAddAsync(Item("test:4", T0, payload: """{"message":{"from":{"id":100043},"text":"100042"}}"""));
        await Inbox.TryAddAsync(Item("test:5", T0, "test:200077"));

        await Stores.EraseInboxAsync(new PersonErasure(anna.Id, Identifiers: true));

        Assert.Equal(["test:4", "test:5"], Stores.StoredInboxIds());
    }

    [Fact]
    public async Task An_erasure_without_identifiers_strips_the_persons_processed_updates_and_keeps_unprocessed_ones()
    {
        var anna = await PersonAsync("100042");
        var aside = Item("test:1", T0, anna.Key).Processed(T0);
        aside.SetAside = true;
        await Inbox.TryAddAsync(aside);
        await Inbox.TryAddAsync(Item("test:2", T0, anna.Key));

        await Stores.EraseInboxAsync(new PersonErasure(anna.Id, Identifiers: false));

        Assert.Equal(["test:1", "test:2"], Stores.StoredInboxIds());
        Assert.DoesNotContain("4510", Stores.StoredInboxDocument("test:1"), StringComparison.Ordinal);
        Assert.Contains("4510", Assert.Single(Inbox.Unprocessed("test")).Payload, StringComparison.Ordinal);
    }
}
