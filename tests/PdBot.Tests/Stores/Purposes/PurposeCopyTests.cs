using PdBot.Adapters.PostgreSql;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Patients;
using PdBot.Core.Reviews;

namespace PdBot.Tests.Stores.Purposes;

/// <summary><c>pdbot db copy --to postgres</c> for the purpose stores: what LiteDB holds reads back the same through the PostgreSQL stores.</summary>
public sealed class PurposeCopyTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Audience = ["p1", "p2", "p10"];
    private readonly LitePurposeStores _lite = new();
    private PgPurposeStores? _pg;

    private PgPurposeStores Pg => _pg!;

    public async Task InitializeAsync() => _pg = await PgPurposeStores.CreateAsync();

    // xUnit calls Dispose after this.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _lite.Dispose();
        _pg?.Dispose();
    }

    [Fact]
    public async Task A_LiteDB_store_copied_reads_back_the_same_through_the_PostgreSQL_stores_and_ids_continue_past_it()
    {
        var ids = await FillAsync(_lite);
        var targets = new IPgCopyTarget[] { (PgConversationStore)Pg.Conversations, (PgLeadStore)Pg.Leads, (PgReviewStore)Pg.Reviews, (PgPatientStore)Pg.Patients, (PgMailingStore)Pg.Mailings };

        await Pg.Storage.CommitNowAsync(async tx =>
        {
            foreach (var target in targets)
            {
                await target.CopyAsync(_lite.Storage.Database, tx);
            }
        });

        foreach (var (collection, table) in targets.SelectMany(t => t.Tables).Where(t => t.Value is not null))
        {
            var copied = Pg.Storage.Query($"SELECT count(*) FROM {table}", r => r.GetInt64(0))[0];
            Assert.True(_lite.Storage.Database.GetCollection(collection).LongCount() == copied, $"{collection} → {table}");
        }

        Same(s => s.Conversations.List(openOnly: false));
        Same(s => s.Conversations.Messages(ids.Conversation));
        Same(s => s.Conversations.MessagesOf("p1"));
        Same(s => s.Leads.OfPerson("p1"));
        Same(s => s.Leads.List(null));
        Same(s => s.Leads.WithPersonalData());
        Same(s => s.Reviews.OfPerson("p1"));
        Same(s => s.Reviews.List());
        Same(s => s.Patients.FindLink("h1"));
        Same(s => s.Patients.PendingOf("p1"));
        Same(s => s.Patients.BindingOf("p1"));
        Same(s => s.Patients.NotificationsOf("p1"));
        Same(s => s.Patients.DueCallbacks(s.Now.AddDays(1), 10));
        Same(s => s.Mailings.All());
        Same(s => s.Mailings.Deliveries(ids.Mailing));
        Assert.Equal(MailingLedger.Hash(_lite.Mailings.Deliveries(ids.Mailing)), MailingLedger.Hash(Pg.Mailings.Deliveries(ids.Mailing)));

        Assert.True(Pg.Conversations.NextId() >= _lite.Conversations.NextId());
        Assert.True(Pg.Conversations.NextMessageId() >= _lite.Conversations.NextMessageId());
        Assert.True(Pg.Leads.NextId() >= _lite.Leads.NextId());
        Assert.True(Pg.Reviews.NextId() >= _lite.Reviews.NextId());
        Assert.True(Pg.Patients.NextNotificationId() >= _lite.Patients.NextNotificationId());
        Assert.Equal(_lite.Mailings.NextId(), Pg.Mailings.NextId());
        var callback = new PatientCallback { PersonId = "p9", NextAttemptAtUtc = Pg.Now };
        await Pg.Patients.AddCallbackAsync(null, callback);
        Assert.True(callback.Id > ids.Callback);
    }

    private void Same<T>(Func<PurposeStores, T> read) => Assert.Equal(PgDocuments.ToJson(new Wrapper<T>(read(_lite))), PgDocuments.ToJson(new Wrapper<T>(read(Pg))));

    private static async Task<(long Conversation, long Mailing, long Callback)> FillAsync(PurposeStores s)
    {
        var now = s.Now;
        var conversation = new Conversation { PersonId = "p1", Channel = "telegram", OpenedAtUtc = now, LastMessageAtUtc = now };
        await s.Conversations.SaveAsync(conversation, [new ConversationMessage { PersonId = "p1", AtUtc = now, Text = "Вопрос" }, new ConversationMessage { PersonId = "p1", AtUtc = now, Author = ConversationAuthors.System, Text = "Ответ" }], [], []);
        await s.Conversations.SaveAsync(new Conversation { PersonId = "p2", Channel = "vk", State = ConversationState.Closed, OpenedAtUtc = now, LastMessageAtUtc = now.AddMinutes(-5) }, [], [], []);

        await s.Leads.SaveAsync(new Lead { PersonId = "p1", Channel = "telegram", Name = "Анна", Phone = "+79991234567", Day = new DateOnly(2026, 12, 3), CreatedAtUtc = now }, [], []);
        var sent = new Lead { PersonId = "p1", Channel = "telegram", State = LeadState.New, Name = "Анна", CreatedAtUtc = now };
        sent.History.Add(new LeadHistoryItem { AtUtc = now, Actor = "person", Event = LeadEvents.Submitted });
        await s.Leads.SaveAsync(sent, [], []);
        var destroyed = new Lead { PersonId = "p2", Channel = "vk", State = LeadState.Closed, CreatedAtUtc = now };
        destroyed.ErasePersonalData(now);
        await s.Leads.SaveAsync(destroyed, [], []);

        await s.Reviews.SaveAsync(new Review { PersonId = "p1", Channel = "vk", Text = "Черновик", CreatedAtUtc = now }, [], []);
        await s.Reviews.SaveAsync(new Review { PersonId = "p1", Channel = "vk", State = ReviewState.Published, Text = "Спасибо", PublishedUrl = "https://clinic.example/r", PublishedOn = new DateOnly(2026, 12, 1) }, [], []);

        var link = new PatientLink { Id = "h1", ExternalId = "E1", CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(1) };
        await s.Patients.AddLinkAsync(link, []);
        await s.Patients.SaveLinkAsync(new PatientLink { Id = "h2", ExternalId = "E2", CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(1), PendingPersonId = "p1" });
        await s.Patients.BindAsync(new PatientBinding { Id = "E1", PersonId = "p1", BoundAtUtc = now }, link, []);
        var notification = new PatientNotification { Id = s.Patients.NextNotificationId(), ExternalId = "E1", PersonId = "p1", Text = "Приём", Answers = ["Да"], CreatedAtUtc = now };
        await s.Patients.AddNotificationAsync(notification, new PdBot.Core.Outbox.OutboxMessage { Channel = "telegram", ChatId = "1", Text = "Приём", Kind = "patient" }, []);
        var callback = new PatientCallback { PersonId = "p1", Body = "{\"a\":1}", CreatedAtUtc = now, NextAttemptAtUtc = now };
        await s.Patients.AddCallbackAsync(notification, callback);

        var mailing = new Mailing { Text = "Акция", Channels = ["telegram"], State = MailingState.Sending, CreatedAtUtc = now, UpdatedAtUtc = now };
        await s.Mailings.AddAsync(mailing, []);
        await s.Mailings.AddDeliveriesAsync(mailing, [.. Audience.Select(p => new MailingDelivery { Id = MailingDelivery.MakeId(mailing.Id, p), MailingId = mailing.Id, PersonId = p, Channel = "telegram" })], []);
        await s.Mailings.AddAsync(new Mailing { Text = "Черновик", CreatedAtUtc = now }, []);
        return (conversation.Id, mailing.Id, callback.Id);
    }

    /// <summary>A document for any value (a list or one object), so both stores' answers compare as the mapper sees them.</summary>
    private sealed class Wrapper<T>(T value)
    {
        public T Value { get; set; } = value;
    }
}
