using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>IPatientStore as patient links, notifications and the callbacks rely on it, on either provider.</summary>
public abstract class PatientStoreContract : PurposeStoreContract
{
    private IPatientStore Store => Stores.Patients;

    private PatientLink Link(string codeHash, string externalId, int minutesAgo = 0) => new()
    {
        Id = codeHash,
        ExternalId = externalId,
        CreatedAtUtc = Stores.Now.AddMinutes(-minutesAgo),
        ExpiresAtUtc = Stores.Now.AddDays(1),
    };

    private PatientNotification Notification(string personId) => new()
    {
        Id = Store.NextNotificationId(),
        ExternalId = "E1",
        PersonId = personId,
        Text = "Приём завтра в 10:00",
        Answers = ["Приду", "Перенести"],
        SentBy = "clinic",
        CreatedAtUtc = Stores.Now,
    };

    private static OutboxMessage Message(string text) => new() { Channel = "telegram", ChatId = "100", Text = text, Kind = "patient-notification" };

    private PatientCallback Callback(string personId, int dueInMinutes) => new()
    {
        PersonId = personId,
        Body = "{}",
        CreatedAtUtc = Stores.Now,
        NextAttemptAtUtc = Stores.Now.AddMinutes(dueInMinutes),
    };

    [Fact]
    public async Task A_new_link_replaces_the_patients_unused_link_and_keeps_a_used_one()
    {
        var used = Link("h-used", "E1", 30);
        used.UsedAtUtc = Stores.Now;
        await Store.SaveLinkAsync(used);
        await Store.AddLinkAsync(Link("h-old", "E1", 20), [Entry("link-old")]);
        await Store.AddLinkAsync(Link("h-other", "E2", 20), []);

        await Store.AddLinkAsync(Link("h-new", "E1"), [Entry("link-new")]);

        Assert.Null(Store.FindLink("h-old"));
        Assert.NotNull(Store.FindLink("h-used"));
        Assert.NotNull(Store.FindLink("h-other"));
        Assert.Equal(("E1", Stores.Now.AddDays(1)), (Store.FindLink("h-new")!.ExternalId, Store.FindLink("h-new")!.ExpiresAtUtc));
        AssertTrail("link-old", "link-new");
    }

    [Fact]
    public async Task The_pending_link_of_a_person_is_the_latest_they_opened_and_have_not_used()
    {
        foreach (var (hash, ago) in new[] { ("h1", 30), ("h2", 10), ("h3", 20) })
        {
            var link = Link(hash, "E" + hash, ago);
            link.PendingPersonId = "p1";
            await Store.SaveLinkAsync(link);
        }

        Assert.Equal("h2", Store.PendingOf("p1")!.Id);

        var h2 = Store.FindLink("h2")!;
        h2.UsedAtUtc = Stores.Now;
        await Store.SaveLinkAsync(h2);
        Assert.Equal("h3", Store.PendingOf("p1")!.Id);
        Assert.Null(Store.PendingOf("p2"));
    }

    [Fact]
    public async Task Binding_replaces_the_persons_earlier_patient_id_and_marks_the_link_used()
    {
        await Store.BindAsync(new PatientBinding { Id = "E1", PersonId = "p1", BoundAtUtc = Stores.Now }, Link("h1", "E1"), [Entry("bound", "p1")]);
        var link = Link("h2", "E2");
        link.UsedAtUtc = Stores.Now;

        await Store.BindAsync(new PatientBinding { Id = "E2", PersonId = "p1", BoundAtUtc = Stores.Now }, link, [Entry("rebound", "p1")]);

        Assert.Null(Store.Binding("E1"));
        Assert.Equal("p1", Store.Binding("E2")!.PersonId);
        Assert.Equal("E2", Store.BindingOf("p1")!.Id);
        Assert.Null(Store.BindingOf("p2"));
        Assert.Equal(Stores.Now, Store.FindLink("h2")!.UsedAtUtc);
        AssertTrail("bound", "rebound");
    }

    [Fact]
    public async Task A_notification_is_stored_with_its_message_and_an_answer_with_its_callback()
    {
        var notification = Notification("p1");
        await Store.AddNotificationAsync(notification, Message("Приём завтра"), [Entry("notified", "p1")]);

        Assert.Equal(["Приду", "Перенести"], Store.FindNotification(notification.Id)!.Answers);
        Assert.Equal([notification.Id], Store.NotificationsOf("p1").Select(n => n.Id));
        Assert.Equal("Приём завтра", Assert.Single(Stores.Outbox()).Text);
        Assert.True(Store.NextNotificationId() > notification.Id);

        (notification.Answer, notification.AnsweredAtUtc) = ("Приду", Stores.Now);
        var callback = Callback("p1", 0);
        await Store.AddCallbackAsync(notification, callback);

        Assert.True(callback.Id > 0);
        Assert.Equal("Приду", Store.FindNotification(notification.Id)!.Answer);
        Assert.Equal([callback.Id], Store.DueCallbacks(Stores.Now, 10).Select(c => c.Id));
        AssertTrail("notified");
    }

    [Fact]
    public async Task Due_callbacks_are_the_undelivered_ones_whose_time_came_oldest_first_up_to_the_limit()
    {
        var first = Callback("p1", -10);
        var later = Callback("p1", 10);
        var second = Callback("p2", 0);
        var third = Callback("p2", -5);
        foreach (var c in new[] { first, later, second, third })
        {
            await Store.AddCallbackAsync(null, c);
        }

        Assert.Equal([first.Id, second.Id, third.Id], Store.DueCallbacks(Stores.Now, 10).Select(c => c.Id));
        Assert.Equal([first.Id, second.Id], Store.DueCallbacks(Stores.Now, 2).Select(c => c.Id));

        (first.DeliveredAtUtc, first.Attempts) = (Stores.Now, 1);
        (second.NextAttemptAtUtc, second.Attempts, second.LastError) = (Stores.Now.AddMinutes(5), 1, "HTTP 500");
        await Store.SaveCallbackAsync(first);
        await Store.SaveCallbackAsync(second);

        Assert.Equal([third.Id], Store.DueCallbacks(Stores.Now, 10).Select(c => c.Id));
        Assert.Equal([later.Id, second.Id, third.Id], Store.DueCallbacks(Stores.Now.AddMinutes(10), 10).Select(c => c.Id));
    }

    [Fact]
    public async Task Erasing_a_person_with_identifiers_removes_their_binding_links_notifications_and_callbacks_only()
    {
        await SeedTwoPeopleAsync();

        await Stores.EraseAsync(Store, new PersonErasure("p1", Identifiers: true));

        Assert.Null(Store.BindingOf("p1"));
        Assert.Null(Store.PendingOf("p1"));
        Assert.Empty(Store.NotificationsOf("p1"));
        Assert.Equal(["p2"], Store.DueCallbacks(Stores.Now, 10).Select(c => c.PersonId));
        Assert.NotNull(Store.BindingOf("p2"));
        Assert.NotNull(Store.PendingOf("p2"));
        Assert.Single(Store.NotificationsOf("p2"));
    }

    [Fact]
    public async Task Erasing_a_person_whose_contract_keeps_the_identifiers_keeps_their_patient_data()
    {
        await SeedTwoPeopleAsync();

        await Stores.EraseAsync(Store, new PersonErasure("p1", Identifiers: false));

        Assert.NotNull(Store.BindingOf("p1"));
        Assert.NotNull(Store.PendingOf("p1"));
        Assert.Single(Store.NotificationsOf("p1"));
        Assert.Equal(["p1", "p2"], Store.DueCallbacks(Stores.Now, 10).Select(c => c.PersonId));
    }

    private async Task SeedTwoPeopleAsync()
    {
        foreach (var person in new[] { "p1", "p2" })
        {
            await Store.BindAsync(new PatientBinding { Id = "E-" + person, PersonId = person, BoundAtUtc = Stores.Now }, Link("used-" + person, "E-" + person), []);
            var pending = Link("pending-" + person, "X-" + person);
            pending.PendingPersonId = person;
            await Store.SaveLinkAsync(pending);
            await Store.AddNotificationAsync(Notification(person), Message("Приём"), []);
            await Store.AddCallbackAsync(null, Callback(person, 0));
        }
    }
}
