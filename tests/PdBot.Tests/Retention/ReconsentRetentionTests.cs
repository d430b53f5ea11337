using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Retention;

/// <summary>
/// Re-consent against the retention job, on a LiteDB file across restarts with the fake clock: whoever gives a consent
/// again before the withdrawal's due day keeps their data and is told nothing was destroyed.
/// </summary>
public sealed class ReconsentRetentionTests : IDisposable
{
    private const string MailingBox = "☐ Согласен(на) на рассылку";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IRequestStore Requests => (IRequestStore)_host.Services.GetService(typeof(IRequestStore))!;

    private IOutbox Outbox => (IOutbox)_host.Services.GetService(typeof(IOutbox))!;

    private RetentionWorker Worker => (RetentionWorker)_host.Services.GetService(typeof(RetentionWorker))!;

    private TestFlow GiveConsent(string user, PurposeOptions purpose) => _host.Chat(user)
        .Send("/privacy").SkipReplies()
        .Press(BotTexts.MenuButton).SkipReplies()
        .Press(purpose.Id == _host.Catalog.Mailing.Id ? BotTexts.SubscribeButton : BotTexts.GiveConsentPrefix + purpose.Title).SkipReplies()
        .Press("☐ " + purpose.Label).SkipReplies()
        .Press("Отправить").SkipReplies();

    [Fact]
    public async Task Review_consent_given_again_after_a_take_down_survives_the_retention_run_across_a_restart_and_the_person_is_told_nothing_was_destroyed()
    {
        var review = _host.Catalog.Purposes.Single(p => p.Distribution);
        await GiveConsent("u1", review).StartTestAsync();
        await _host.Chat("u1").Send("/privacy").SkipReplies().Press(RequestTexts.Title(RequestType.WithdrawDistribution)).SkipReplies().StartTestAsync();
        var takeDown = Assert.Single(Requests.Open());
        _host.Restart();

        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        await GiveConsent("u1", review).StartTestAsync();
        _host.Restart();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Worker.RunOnceAsync(default);

        var person = _host.Store.FindPerson("test", "u1");
        Assert.NotNull(person);
        Assert.Null(person.ErasedAtUtc);
        Assert.Equal(ConsentState.Given, _host.Store.RecordsOf(person.Id).Single(c => c.PurposeId == review.Id).State);
        var closed = Requests.Find(takeDown.Id)!;
        Assert.Equal(RequestState.Superseded, closed.State);
        Assert.Contains(closed.History, h => h.Action == RequestAction.Superseded);
        Assert.Contains(_host.Audit.ReadAll(), e => e.Event == RequestAction.Superseded && e.PersonId == person.Id);
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
        var notice = Assert.Single(Outbox.OutboxOfRequests([takeDown.Id]), m => m.Kind == OutboxKind.RequestNotice);
        Assert.Contains("данные не уничтожались", notice.Text, StringComparison.Ordinal);
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Mailing_resubscribed_after_unsubscribing_is_kept_ten_working_days_later_across_a_restart()
    {
        await _host.Chat("u1").Send("/start").Press(MailingBox).Press("Отправить").Send("Отписаться").StartTestAsync();
        var withdrawal = Assert.Single(Requests.Open());
        Assert.Equal(new DateOnly(2026, 12, 7), withdrawal.DueDate);
        _host.Restart();

        _host.Clock.Advance(TimeSpan.FromDays(2));
        await GiveConsent("u1", _host.Catalog.Mailing).StartTestAsync();
        _host.Restart();
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero));
        await Worker.RunOnceAsync(default);

        var person = _host.Store.FindPerson("test", "u1");
        Assert.NotNull(person);
        Assert.Equal(ConsentState.Given, _host.Store.RecordsOf(person.Id).Single(c => c.PurposeId == _host.Catalog.Mailing.Id).State);
        Assert.Equal(RequestState.Superseded, Requests.Find(withdrawal.Id)!.State);
        Assert.Empty(Requests.Open());
        Assert.Contains(Outbox.OutboxOfRequests([withdrawal.Id]), m => m.Text.Contains("не уничтожались", StringComparison.Ordinal));
        Assert.DoesNotContain(Outbox.OutboxOfRequests([withdrawal.Id]), m => m.Text.Contains("уничтожены", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_the_due_day_a_consent_in_force_again_closes_the_withdrawal_even_when_nothing_superseded_it_before()
    {
        await _host.Chat("u1").Send("/start").Press(MailingBox).Press("Отправить").Send("Отписаться").StartTestAsync();
        var withdrawal = Assert.Single(Requests.Open());

        // A consent saved by a path that never asked the retention service (an older build, an import).
        var session = ConsentSession.Open(_host.Store, _host.Catalog, _host.Clock, "test", "u1", "u1");
        Assert.True(session.Offer(_host.Catalog.Mailing.Id) && session.Tick(_host.Catalog.Mailing.Id) && session.Submit(_host.Catalog.Mailing.Id, null));
        await session.SaveAsync();
        _host.Restart();
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero));
        await Worker.RunOnceAsync(default);

        Assert.NotNull(_host.Store.FindPerson("test", "u1"));
        Assert.Equal(RequestState.Superseded, Requests.Find(withdrawal.Id)!.State);
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
    }

    [Fact]
    public async Task A_take_down_from_someone_who_never_gave_the_review_consent_is_answered_at_once_and_destroys_nothing()
    {
        await _host.Chat("u1").Send("/start").Press(MailingBox).Press("Отправить").StartTestAsync();
        await _host.Chat("u1").Send("/privacy").SkipReplies().Press(RequestTexts.Title(RequestType.WithdrawDistribution)).AssertAnswer("")
            .AssertReply(r =>
            {
                Assert.Contains("рассмотрен", r.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("согласие отозвано", r.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("уничтожены", r.Text, StringComparison.Ordinal);
            })
            .AssertReply("согласия на публикацию отзывов нет")
            .StartTestAsync();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Worker.RunOnceAsync(default);

        var person = _host.Store.FindPerson("test", "u1");
        Assert.NotNull(person);
        var takeDown = Assert.Single(Requests.OfPerson(person.Id), r => r.Type == RequestType.WithdrawDistribution);
        Assert.Equal(RequestState.Answered, takeDown.State);
        Assert.Contains("согласия на публикацию отзывов нет", takeDown.AnswerText, StringComparison.Ordinal);
        Assert.Equal(ConsentState.Given, _host.Store.RecordsOf(person.Id).Single(c => c.PurposeId == _host.Catalog.Mailing.Id).State);
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
        Assert.Contains(Outbox.OutboxOfRequests([takeDown.Id]), m => m.Text.Contains("Ничего не уничтожено", StringComparison.Ordinal));
    }
}
