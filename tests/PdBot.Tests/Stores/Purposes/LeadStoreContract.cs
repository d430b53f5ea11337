using PdBot.Core.Leads;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>ILeadStore as the consultation form, the operators' list and the term sweep rely on it, on either provider.</summary>
public abstract class LeadStoreContract : PurposeStoreContract
{
    private ILeadStore Store => Stores.Leads;

    private Lead NewLead(string personId, LeadState state) => new()
    {
        PersonId = personId,
        Channel = "telegram",
        State = state,
        Name = "Анна",
        Phone = "+79991234567",
        Day = new DateOnly(2026, 12, 3),
        Time = "10:00",
        Direction = "терапия",
        CreatedAtUtc = Stores.Now,
        UpdatedAtUtc = Stores.Now,
    };

    private async Task<Lead> SavedAsync(string personId, LeadState state)
    {
        var lead = NewLead(personId, state);
        await Store.SaveAsync(lead, [], []);
        return lead;
    }

    [Fact]
    public async Task A_saved_request_gets_a_number_and_is_read_back_whole_with_its_message_and_audit_entry()
    {
        var lead = NewLead("p1", LeadState.New);
        lead.History.Add(new LeadHistoryItem { AtUtc = Stores.Now, Actor = Actors.Person, Event = LeadEvents.Submitted });
        var message = new OutboxMessage { Channel = "telegram", ChatId = "100", Text = "Заявка принята", Kind = "lead", CreatedAtUtc = Stores.Now };

        await Store.SaveAsync(lead, [message], [Entry(LeadEvents.Submitted, "p1")]);

        Assert.True(lead.Id > 0);
        var found = Store.Find(lead.Id)!;
        Assert.Equal(("Анна", "+79991234567", new DateOnly(2026, 12, 3), "10:00", "терапия"), (found.Name, found.Phone, found.Day, found.Time, found.Direction));
        Assert.Equal(LeadEvents.Submitted, Assert.Single(found.History).Event);
        Assert.Equal("Заявка принята", Assert.Single(Stores.Outbox()).Text);
        Assert.True(Store.NextId() > lead.Id);
        AssertTrail(LeadEvents.Submitted);
    }

    [Fact]
    public async Task A_persons_requests_come_newest_first_with_drafts_and_the_list_leaves_drafts_out_and_filters_by_state()
    {
        var draft = await SavedAsync("p1", LeadState.Filling);
        var sent = await SavedAsync("p1", LeadState.New);
        var booked = await SavedAsync("p2", LeadState.Booked);
        var other = await SavedAsync("p2", LeadState.New);

        Assert.Equal([sent.Id, draft.Id], Store.OfPerson("p1").Select(l => l.Id));
        Assert.Equal([other.Id, booked.Id, sent.Id], Store.List(null).Select(l => l.Id));
        Assert.Equal([other.Id, sent.Id], Store.List(LeadState.New).Select(l => l.Id));
        Assert.Empty(Store.List(LeadState.Filling));
        Assert.Empty(Store.OfPerson("nobody"));
    }

    [Fact]
    public async Task Requests_with_personal_data_are_those_not_destroyed_drafts_included_by_number()
    {
        var draft = await SavedAsync("p1", LeadState.Filling);
        var destroyed = await SavedAsync("p1", LeadState.Closed);
        var kept = await SavedAsync("p2", LeadState.New);
        destroyed.ErasePersonalData(Stores.Now);
        await Store.SaveAsync(destroyed, [], []);

        Assert.Equal([draft.Id, kept.Id], Store.WithPersonalData().Select(l => l.Id));
    }

    [Fact]
    public async Task Inside_a_turn_a_new_draft_is_read_back_a_deleted_one_is_gone_and_only_the_commit_stores_them()
    {
        var stored = await SavedAsync("p1", LeadState.Filling);
        var turn = Stores.BeginTurn();
        var draft = NewLead("p1", LeadState.Filling);
        await Store.SaveAsync(draft, [], [Entry("started", "p1")]);
        await Store.DeleteAsync(stored, [Entry("deleted", "p1")]);

        Assert.Same(draft, Store.Find(draft.Id));
        Assert.Null(Store.Find(stored.Id));
        Assert.Equal([draft.Id], Store.OfPerson("p1").Select(l => l.Id));
        turn.Dispose();
        Assert.Equal([stored.Id], Store.OfPerson("p1").Select(l => l.Id));

        await Stores.CommitTurnAsync(turn);

        Assert.Equal([draft.Id], Store.OfPerson("p1").Select(l => l.Id));
        Assert.Null(Store.Find(stored.Id));
        AssertTrail("started", "deleted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Erasing_a_person_deletes_unsent_forms_closes_open_requests_and_erases_their_data_once(bool identifiers)
    {
        var draft = await SavedAsync("p1", LeadState.Filling);
        var open = await SavedAsync("p1", LeadState.New);
        var booked = await SavedAsync("p1", LeadState.Booked);
        var other = await SavedAsync("p2", LeadState.New);

        await Stores.EraseAsync(Store, new PersonErasure("p1", identifiers));
        Stores.Clock.Advance(TimeSpan.FromHours(1));
        await Stores.EraseAsync(Store, new PersonErasure("p1", identifiers));

        Assert.Null(Store.Find(draft.Id));
        var closed = Store.Find(open.Id)!;
        Assert.Equal((LeadState.Closed, Stores.Now.AddHours(-1), null, null), (closed.State, closed.ClosedAtUtc, closed.Name, closed.Phone));
        Assert.Equal([LeadEvents.Closed, RequestAction.Destroyed], closed.History.Select(h => h.Event));
        var done = Store.Find(booked.Id)!;
        Assert.Equal((LeadState.Booked, null, null, Stores.Now.AddHours(-1)), (done.State, done.Day, done.Direction, done.DestroyedAtUtc));
        Assert.Equal([RequestAction.Destroyed], done.History.Select(h => h.Event));
        Assert.Equal("Анна", Store.Find(other.Id)!.Name);
        Assert.Equal([other.Id], Store.WithPersonalData().Select(l => l.Id));
    }
}
