using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Inbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>The approval path of a whole host: an approved destruction runs every registered eraser in its transaction.</summary>
public abstract class DestructionOnHostContract
{
    protected abstract PdBotTestHost CreateHost();

    [Fact]
    public async Task An_approved_destruction_erases_the_persons_updates_and_ids_and_the_chain_verifies()
    {
        using var host = CreateHost();
        var service = host.Services.GetRequiredService<RequestService>();
        var inbox = host.Services.GetRequiredService<IInbox>();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var anna = Person.Create("test", "100042", "chat-100042", now);
        await host.Store.SaveAsync(anna, personChanged: true, [], []);
        await inbox.TryAddAsync(new InboxItem { Id = "test:1", Channel = "test", PersonKey = anna.Key, Payload = """{"text":"паспорт"}""", ReceivedAtUtc = now });
        await inbox.TryAddAsync(new InboxItem { Id = "test:2", Channel = "test", PersonKey = "test:200077", Payload = """{"text":"чужое"}""", ReceivedAtUtc = now });
        var draft = service.Start(anna, RequestType.Destruction, "document");
        await service.SaveDraftAsync(draft);
        var r = await service.ReceiveAsync(anna, draft);
        Assert.True((await service.ConfirmIdentityAsync(r.Id, "operator")).Ok);

        var result = await service.ApproveAsync(r.Id, "oleg");

        Assert.True(result.Ok, result.Message);
        Assert.Equal(["test:2"], inbox.Unprocessed("test").Select(i => i.Id));
        Assert.StartsWith("erased:", host.Store.FindPersonById(anna.Id)!.Key, StringComparison.Ordinal);
        Assert.Null(host.Store.FindPerson("test", "100042"));
        Assert.DoesNotContain(host.Audit.ReadAll(), e => e.UserId == "100042");
        Assert.True(host.Audit.Verify().IsIntact);
    }
}
