using PdBot.Core.Conversations;
using PdBot.Core.Mailings;
using PdBot.Core.Requests;
using PdBot.Tests.Inbox;
using PdBot.Tests.Leads;
using PdBot.Tests.Mailings;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>The purpose stores inside a whole host (the real bot, turns committed with their replies), on either provider.</summary>
public abstract class PurposeHostContract : IDisposable
{
    private PdBotTestHost? _host;

    protected PdBotTestHost Host => _host ??= CreateHost(InboxSteps.WithAdminChat());

    protected abstract PdBotTestHost CreateHost(Dictionary<string, string?> overrides);

    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_consultation_request_sent_in_the_chat_is_stored_and_its_data_are_destroyed_on_day_30_with_the_act()
    {
        await Host.SubmitAsync();
        var lead = Assert.Single(Host.LeadsOf());
        Assert.Equal("+79991234567", Host.Leads().Find(lead.Id)!.Phone);

        Host.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await Host.Sweep().RunAsync());

        var kept = Host.Leads().Find(lead.Id)!;
        Assert.Equal((null, null), (kept.Name, kept.Phone));
        Assert.NotNull(kept.DestroyedAtUtc);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Kind == RequestAction.RetentionKind && e.Event == RequestAction.Destroyed);
        Assert.True(Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Asking_for_an_operator_opens_a_conversation_with_the_message_in_the_turns_commit()
    {
        await Host.Chat().Send("оператор").SkipReplies().StartTestAsync();

        var c = Host.ConversationOf();
        Assert.Equal((ConversationState.Open, ConversationTopics.Asked), (c.State, c.Topic));
        Assert.Equal("оператор", Assert.Single(Host.Conversations().Store.Messages(c.Id)).Text);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Kind == ConversationService.AuditKind && e.Event == ConversationService.Opened && e.PersonId == c.PersonId);
        Assert.Single(Host.Alerts());
        Assert.True(Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_completed_mailings_ledger_verifies_through_the_hosts_store()
    {
        var mailing = await Host.SendCompletedAsync(["p1", "p2", "p3"]);

        var store = (IMailingStore)Host.Services.GetService(typeof(IMailingStore))!;
        Assert.Equal(MailingState.Completed, mailing.State);
        Assert.Equal(3, store.Deliveries(mailing.Id, MailingDeliveryState.Sent).Count);
        Assert.True(LedgerCheck.Run(Host.Audit.OfKind(MailingEvents.Kind), store) is { Checked: 1, IsIntact: true });
        Assert.True(Host.Audit.Verify().IsIntact);
    }
}
