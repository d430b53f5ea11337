using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>IReviewStore as the review form, the registry and the take-down rely on it, on either provider.</summary>
public abstract class ReviewStoreContract : PurposeStoreContract
{
    private IReviewStore Store => Stores.Reviews;

    private async Task<Review> SavedAsync(string personId, ReviewState state, string? url = null)
    {
        var review = new Review
        {
            PersonId = personId,
            Channel = "vk",
            State = state,
            Text = "Спасибо врачу",
            Signature = "Анна",
            CreatedAtUtc = Stores.Now,
            LastActivityAtUtc = Stores.Now,
            PublishedUrl = url,
            PublishedOn = url is null ? null : new DateOnly(2026, 12, 1),
        };
        await Store.SaveAsync(review, [], []);
        return review;
    }

    [Fact]
    public async Task A_saved_review_is_read_back_whole_with_its_message_and_audit_entry()
    {
        var review = new Review { PersonId = "p1", Channel = "vk", State = ReviewState.Received, Text = "Спасибо", Signature = Review.Anonymous, ReceivedAtUtc = Stores.Now };
        var message = new OutboxMessage { Channel = "vk", ChatId = "200", Text = "Отзыв получен", Kind = "review", CreatedAtUtc = Stores.Now };

        await Store.SaveAsync(review, [message], [Entry("received", "p1")]);

        Assert.True(review.Id > 0);
        var found = Store.Find(review.Id)!;
        Assert.Equal((ReviewState.Received, "Спасибо", Review.Anonymous, Stores.Now), (found.State, found.Text, found.Signature, found.ReceivedAtUtc));
        Assert.Equal("Отзыв получен", Assert.Single(Stores.Outbox()).Text);
        Assert.True(Store.NextId() > review.Id);
        AssertTrail("received");
    }

    [Fact]
    public async Task The_registry_lists_reviews_but_drafts_newest_first_and_a_person_sees_their_own_with_the_latest_draft()
    {
        var published = await SavedAsync("p1", ReviewState.Published, "https://clinic.example/r/1");
        var oldDraft = await SavedAsync("p1", ReviewState.Draft);
        var draft = await SavedAsync("p1", ReviewState.Draft);
        var other = await SavedAsync("p2", ReviewState.Received);

        Assert.Equal([other.Id, published.Id], Store.List().Select(r => r.Id));
        Assert.Equal([published.Id, oldDraft.Id, draft.Id], Store.OfPerson("p1").Select(r => r.Id));
        Assert.Equal(draft.Id, Store.DraftOf("p1")!.Id);
        Assert.Null(Store.DraftOf("p2"));
    }

    [Fact]
    public async Task Deleting_a_draft_removes_only_a_draft()
    {
        var draft = await SavedAsync("p1", ReviewState.Draft);
        var received = await SavedAsync("p1", ReviewState.Received);

        await Store.DeleteDraftAsync(draft.Id);
        await Store.DeleteDraftAsync(received.Id);

        Assert.Null(Store.Find(draft.Id));
        Assert.Equal([received.Id], Store.OfPerson("p1").Select(r => r.Id));
    }

    [Fact]
    public async Task Inside_a_turn_a_saved_draft_is_read_back_a_deleted_one_is_gone_and_only_the_commit_stores_it()
    {
        var stored = await SavedAsync("p1", ReviewState.Draft);
        var turn = Stores.BeginTurn();
        await Store.DeleteDraftAsync(stored.Id);
        Assert.Null(Store.Find(stored.Id));
        Assert.Null(Store.DraftOf("p1"));

        var draft = new Review { PersonId = "p1", Channel = "vk", Text = "Черновик", CreatedAtUtc = Stores.Now };
        await Store.SaveAsync(draft, [], [Entry("draft", "p1")]);
        Assert.Same(draft, Store.DraftOf("p1"));
        Assert.Same(draft, Store.Find(draft.Id));
        turn.Dispose();
        Assert.Equal(stored.Id, Store.DraftOf("p1")!.Id);

        await Stores.CommitTurnAsync(turn);

        Assert.Equal([draft.Id], Store.OfPerson("p1").Select(r => r.Id));
        AssertTrail("draft");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Erasing_a_person_deletes_drafts_and_erases_every_text_keeping_the_registry_record(bool identifiers)
    {
        var draft = await SavedAsync("p1", ReviewState.Draft);
        var published = await SavedAsync("p1", ReviewState.Published, "https://clinic.example/r/1");
        var other = await SavedAsync("p2", ReviewState.Received);

        await Stores.EraseAsync(Store, new PersonErasure("p1", identifiers));

        Assert.Null(Store.Find(draft.Id));
        var kept = Store.Find(published.Id)!;
        Assert.Equal((ReviewState.Published, null, null, "https://clinic.example/r/1", new DateOnly(2026, 12, 1)), (kept.State, kept.Text, kept.Signature, kept.PublishedUrl, kept.PublishedOn));
        Assert.Equal("Спасибо врачу", Store.Find(other.Id)!.Text);
    }
}
