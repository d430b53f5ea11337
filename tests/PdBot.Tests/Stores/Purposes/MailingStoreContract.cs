using PdBot.Core.Mailings;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>IMailingStore as the mailing service, the runner and the ledger's proof rely on it, on either provider.</summary>
public abstract class MailingStoreContract : PurposeStoreContract
{
    private IMailingStore Store => Stores.Mailings;

    private Mailing NewMailing(MailingState state = MailingState.Draft) => new()
    {
        Text = "Скидка 10%",
        Topic = "акции",
        Channels = ["telegram", "vk"],
        Kind = MailingKind.Advertising,
        State = state,
        CreatedBy = "anna",
        CreatedAtUtc = Stores.Now,
        UpdatedAtUtc = Stores.Now,
        Links = [new MailingLink { Label = "Сайт", Url = "https://clinic.example" }],
    };

    private static MailingDelivery Row(long mailingId, string personId, MailingDeliveryState state = MailingDeliveryState.Pending) => new()
    {
        Id = MailingDelivery.MakeId(mailingId, personId),
        MailingId = mailingId,
        PersonId = personId,
        Channel = "telegram",
        State = state,
        ConsentVersion = 2,
        ConsentTextHash = "abc",
    };

    [Fact]
    public async Task Added_mailings_are_numbered_found_listed_newest_first_and_selected_by_state()
    {
        var draft = NewMailing();
        var scheduled = NewMailing(MailingState.Scheduled);
        var sending = NewMailing(MailingState.Sending);
        foreach (var m in new[] { draft, scheduled, sending })
        {
            await Store.AddAsync(m, [Entry("created")]);
        }

        Assert.Equal([1L, 2L, 3L], new[] { draft.Id, scheduled.Id, sending.Id });
        Assert.Equal(4, Store.NextId());
        var found = Store.Find(draft.Id)!;
        Assert.Equal(("Скидка 10%", MailingKind.Advertising, "https://clinic.example"), (found.Text, found.Kind, Assert.Single(found.Links).Url));
        Assert.Equal(["telegram", "vk"], found.Channels);
        Assert.Equal([sending.Id, scheduled.Id, draft.Id], Store.All().Select(m => m.Id));
        Assert.Equal([scheduled.Id, sending.Id], Store.InStates(MailingState.Sending, MailingState.Scheduled).Select(m => m.Id));
        Assert.Empty(Store.InStates(MailingState.Completed));
        Assert.Null(Store.Find(99));
        AssertTrail("created", "created", "created");
    }

    [Fact]
    public async Task A_saved_mailing_keeps_its_changes_with_its_audit_entry()
    {
        var mailing = NewMailing();
        await Store.AddAsync(mailing, []);
        (mailing.State, mailing.ApprovedBy, mailing.SendAtUtc) = (MailingState.Scheduled, "oleg", Stores.Now.AddDays(1));

        await Store.SaveAsync(mailing, [Entry("scheduled")]);

        var found = Store.Find(mailing.Id)!;
        Assert.Equal((MailingState.Scheduled, "oleg", Stores.Now.AddDays(1)), (found.State, found.ApprovedBy, found.SendAtUtc));
        Assert.Equal([mailing.Id], Store.InStates(MailingState.Scheduled).Select(m => m.Id));
        AssertTrail("scheduled");
    }

    [Fact]
    public async Task Adding_deliveries_again_stores_only_the_new_rows_and_leaves_a_stored_row_as_it_is()
    {
        var mailing = NewMailing(MailingState.Sending);
        await Store.AddAsync(mailing, []);
        await Store.AddDeliveriesAsync(mailing, [Row(mailing.Id, "p1"), Row(mailing.Id, "p2")], [Entry("started")]);
        var sent = Row(mailing.Id, "p1", MailingDeliveryState.Sent);
        sent.PlatformMessageId = "42";
        await Store.SaveDeliveriesAsync([sent]);
        mailing.Recipients = 3;

        await Store.AddDeliveriesAsync(mailing, [Row(mailing.Id, "p1"), Row(mailing.Id, "p3"), Row(mailing.Id, "p3")], [Entry("resumed")]);

        Assert.Equal(["p1", "p2", "p3"], Store.Deliveries(mailing.Id).Select(r => r.PersonId));
        Assert.Equal((MailingDeliveryState.Sent, "42"), (Store.FindDelivery(mailing.Id, "p1")!.State, Store.FindDelivery(mailing.Id, "p1")!.PlatformMessageId));
        Assert.Equal(3, Store.Find(mailing.Id)!.Recipients);
        AssertTrail("started", "resumed");
    }

    [Fact]
    public async Task Two_hosts_adding_the_same_audience_at_once_store_each_persons_delivery_once_and_the_chain_holds()
    {
        var mailing = NewMailing(MailingState.Sending);
        await Store.AddAsync(mailing, []);
        var audience = Enumerable.Range(1, 200).Select(i => "p" + i).ToList();
        var second = Stores.SecondHostMailings();

        await Task.WhenAll(
            Task.Run(() => Store.AddDeliveriesAsync(mailing, [.. audience.Select(p => Row(mailing.Id, p))], [Entry("started")])),
            Task.Run(() => second.AddDeliveriesAsync(mailing, [.. audience.AsEnumerable().Reverse().Select(p => Row(mailing.Id, p))], [Entry("started")])));

        var rows = Store.Deliveries(mailing.Id);
        Assert.Equal(audience.Order(StringComparer.Ordinal), rows.Select(r => r.PersonId));
        Assert.All(audience, p => Assert.Single(Store.DeliveriesOfPerson(p)));
        AssertTrail("started", "started");
    }

    [Fact]
    public async Task Deliveries_are_read_in_ordinal_id_order_by_state_by_person_and_by_id()
    {
        var first = NewMailing(MailingState.Sending);
        var second = NewMailing(MailingState.Sending);
        await Store.AddAsync(first, []);
        await Store.AddAsync(second, []);
        await Store.AddDeliveriesAsync(second, [Row(second.Id, "p2")], []);
        await Store.AddDeliveriesAsync(first, [Row(first.Id, "p2"), Row(first.Id, "p10"), Row(first.Id, "A1")], []);
        var failed = Row(first.Id, "p10", MailingDeliveryState.Failed);
        var sent = Row(first.Id, "A1", MailingDeliveryState.Sent);
        (failed.Reason, failed.AtUtc, sent.AtUtc, sent.Batch) = ("blocked", Stores.Now, Stores.Now, 1);

        await Store.SaveDeliveriesAsync([failed, sent]);

        Assert.Equal(["A1", "p10", "p2"], Store.Deliveries(first.Id).Select(r => r.PersonId));
        Assert.Equal(["p2"], Store.Deliveries(first.Id, MailingDeliveryState.Pending).Select(r => r.PersonId));
        Assert.Equal(["A1"], Store.Deliveries(first.Id, MailingDeliveryState.Sent).Select(r => r.PersonId));
        var found = Store.FindDelivery(first.Id, "p10")!;
        Assert.Equal((MailingDeliveryState.Failed, "blocked", Stores.Now, 2, "abc"), (found.State, found.Reason, found.AtUtc, found.ConsentVersion, found.ConsentTextHash));
        Assert.Null(Store.FindDelivery(second.Id, "p10"));
        Assert.Equal([first.Id, second.Id], Store.DeliveriesOfPerson("p2").Select(r => r.MailingId));
        Assert.Equal(MailingLedger.Hash([sent, failed, Row(first.Id, "p2")]), MailingLedger.Hash(Store.Deliveries(first.Id)));
    }

    [Fact]
    public async Task A_finished_mailings_ledger_verifies_against_its_audit_entry_and_a_row_changed_afterwards_fails_the_check()
    {
        var mailing = NewMailing(MailingState.Sending);
        await Store.AddAsync(mailing, []);
        await Store.AddDeliveriesAsync(mailing, [Row(mailing.Id, "p1", MailingDeliveryState.Sent), Row(mailing.Id, "p2", MailingDeliveryState.Sent)], []);
        var hash = MailingLedger.Hash(Store.Deliveries(mailing.Id));
        mailing.State = MailingState.Completed;
        var entry = Entry("completed");
        (entry.Kind, entry.Detail) = (MailingEvents.Kind, MailingEvents.LedgerDetail(mailing.Id, hash, 2));
        await Store.SaveAsync(mailing, [entry]);

        var intact = LedgerCheck.Run(Stores.Audit.OfKind(MailingEvents.Kind), Store);
        var row = Store.FindDelivery(mailing.Id, "p2")!;
        row.PlatformMessageId = "999";
        await Store.SaveDeliveriesAsync([row]);
        var edited = LedgerCheck.Run(Stores.Audit.OfKind(MailingEvents.Kind), Store);

        Assert.Equal((1, true), (intact.Checked, intact.IsIntact));
        Assert.Contains($"рассылки № {mailing.Id} изменён", Assert.Single(edited.Problems), StringComparison.Ordinal);
        Assert.True(Stores.Audit.Verify().IsIntact);
    }
}
