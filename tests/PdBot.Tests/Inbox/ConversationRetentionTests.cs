using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Hosting;
using PdBot.Core.Conversations;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Inbox;

/// <summary>Inbox messages are destroyed by the first hourly run after their term ends (Inbox:RetentionDays), with the act, and with the person's erasure.</summary>
public sealed class ConversationRetentionTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private RetentionWorker Worker => _host.Services.GetRequiredService<RetentionWorker>();

    private ConversationMessageSweep Sweep => _host.Services.GetServices<IPurposeDataSweep>().OfType<ConversationMessageSweep>().Single();

    [Fact]
    public async Task A_message_survives_the_day_before_its_term_ends_and_is_destroyed_with_the_act_on_its_day()
    {
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();
        Assert.True((await _host.Conversations().ReplyAsync(c.Id, "oleg", "Здравствуйте, слушаю вас")).Ok);
        var written = _host.Clock.GetUtcNow();

        var preview = Assert.Single(Sweep.Preview(written.AddDays(31)));
        Assert.Equal((new DateOnly(2026, 12, 23), c.PersonId, InboxTexts.PurposeTitle), (preview.Due, preview.PersonId, preview.PurposeTitle));
        Assert.Contains("2 сообщения входящих", preview.What, StringComparison.Ordinal);
        Assert.Empty(Sweep.Preview(written.AddDays(29)));

        // The day before (22.12), and on the day an hour before the 30 days are up: kept.
        foreach (var at in new[] { written.AddDays(29), written.AddDays(30).AddHours(-1) })
        {
            _host.Clock.SetUtcNow(at);
            await Worker.RunOnceAsync(default);
            Assert.Equal(2, _host.Conversations().Store.Messages(c.Id).Count);
            Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
        }

        // The hourly run after the term (23.12, 13:00 in the clinic).
        _host.Clock.SetUtcNow(written.AddDays(30).AddHours(1));
        await Worker.RunOnceAsync(default);

        Assert.Empty(_host.Conversations().Store.Messages(c.Id));
        Assert.NotNull(_host.Conversations().Store.Find(c.Id));
        Assert.DoesNotContain(_host.Outbox().Pending("test"), m => m.Kind == ConversationService.ReplyKind);
        var act = Assert.Single(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
        Assert.Equal(RequestAction.RetentionKind, act.Kind);
        Assert.StartsWith("акт об уничтожении: 2 сообщения входящих старше 30 дней", act.Detail, StringComparison.Ordinal);
        Assert.Contains($"субъекты: {c.PersonId}", act.Detail, StringComparison.Ordinal);
        Assert.Contains("способ: стирание из базы данных; причина: истёк срок хранения (п. 6.2.9 Политики); дата: 23.12.2026", act.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("слушаю", act.Detail, StringComparison.Ordinal);

        await Worker.RunOnceAsync(default);
        Assert.Single(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed);
    }

    [Fact]
    public async Task Destroying_the_person_after_the_mailing_withdrawal_deletes_their_inbox_messages_and_queued_replies()
    {
        await _host.GiveMailingConsentAsync();
        await _host.Chat().Send("оператор").SkipReplies().StartTestAsync();
        var c = _host.ConversationOf();
        Assert.True((await _host.Conversations().ReplyAsync(c.Id, "oleg", "Слушаю вас")).Ok);
        await _host.Chat().Send("Отписаться").SkipReplies().StartTestAsync();

        _host.Clock.Advance(TimeSpan.FromDays(15));
        await Worker.RunOnceAsync(default);

        Assert.NotNull(_host.Store.FindPersonById(c.PersonId)!.ErasedAtUtc);
        Assert.Empty(_host.Conversations().Store.MessagesOf(c.PersonId));
        Assert.DoesNotContain(_host.Outbox().Pending("test"), m => m.Kind == ConversationService.ReplyKind);
        var refused = await _host.Conversations().ReplyAsync(c.Id, "oleg", "Вы здесь?");
        Assert.Equal((false, InboxTexts.Erased), (refused.Ok, refused.Message));
    }
}
