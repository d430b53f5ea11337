using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>What every outbox does: pending per channel in order, delivery, in-flight marks, retries and setting aside.</summary>
public abstract class OutboxContract : RequestStoresTest
{
    private IOutbox Outbox => Stores.Outbox;

    [Fact]
    public async Task Pending_lists_a_channels_undelivered_messages_oldest_first()
    {
        await Outbox.EnqueueAsync([Message("test", "первое"), Message("vk", "другой канал"), Message("test", "второе")], []);
        await Outbox.EnqueueAsync([Message("test", "третье")], []);
        var pending = Outbox.Pending("test");

        await Outbox.MarkSentAsync(pending[1], T0);

        Assert.Equal(["первое", "второе", "третье"], pending.Select(m => m.Text));
        Assert.True(pending[0].Id < pending[1].Id && pending[1].Id < pending[2].Id);
        Assert.Equal(["первое", "третье"], Outbox.Pending("test").Select(m => m.Text));
        Assert.Equal(["другой канал"], Outbox.Pending("vk").Select(m => m.Text));
    }

    [Fact]
    public async Task A_delivered_turn_reply_is_deleted_and_a_delivered_answer_is_marked_on_its_request()
    {
        var request = new SubjectRequest { PersonId = "p-1", Type = RequestType.Access, CreatedAtUtc = T0 };
        await Stores.Requests.SaveAsync(request, [], []);
        await Outbox.EnqueueAsync([Message("test", "ответ", OutboxKind.RequestAnswer, request.Id), Message("test", "реплика", OutboxKind.TurnReply, request.Id)], []);
        var (answer, reply) = (Outbox.Pending("test")[0], Outbox.Pending("test")[1]);

        await Outbox.MarkDeliveredAsync(reply, T0.AddMinutes(1));
        await Outbox.MarkDeliveredAsync(answer, T0.AddMinutes(2));

        var stored = Assert.Single(Outbox.OutboxOfRequests([request.Id]));
        Assert.Equal((answer.Id, T0.AddMinutes(2)), (stored.Id, stored.SentAtUtc));

        // The mapper stores an emptied string as null, on both stores.
        Assert.True(string.IsNullOrEmpty(stored.ChatId));
        Assert.Empty(Outbox.Pending("test"));
        var r = Stores.Requests.Find(request.Id)!;
        Assert.Equal(T0.AddMinutes(2), r.AnswerDeliveredAtUtc);
        Assert.Equal(RequestAction.AnswerDelivered, r.History[^1].Action);
    }

    [Fact]
    public async Task An_in_flight_mark_and_a_rescheduled_retry_are_stored()
    {
        await Outbox.EnqueueAsync([Message("test", "первое")], []);
        var message = Assert.Single(Outbox.Pending("test"));

        await Outbox.MarkInFlightAsync(message, T0);
        Assert.Equal(T0, Assert.Single(Outbox.Pending("test")).InFlightAtUtc);

        (message.Attempts, message.NextAttemptAtUtc, message.LastError, message.InFlightAtUtc) = (2, T0.AddSeconds(30), "429", null);
        await Outbox.RescheduleAsync(message);

        var back = Assert.Single(Outbox.Pending("test"));
        Assert.Equal((2, T0.AddSeconds(30), "429", (DateTime?)null), (back.Attempts, back.NextAttemptAtUtc, back.LastError, back.InFlightAtUtc));
    }

    [Fact]
    public async Task A_set_aside_message_leaves_the_pending_list_and_a_turn_reply_loses_its_chat_and_text()
    {
        await Outbox.EnqueueAsync([Message("test", "реплика", OutboxKind.TurnReply, 7), Message("test", "уведомление", OutboxKind.RequestNotice, 7)], []);
        var (reply, notice) = (Outbox.Pending("test")[0], Outbox.Pending("test")[1]);

        await Outbox.SetAsideAsync(reply, "403", T0);
        await Outbox.SetAsideAsync(notice, "403", T0);

        Assert.Empty(Outbox.Pending("test"));
        var stored = Outbox.OutboxOfRequests([7]);
        Assert.Equal([("", "", T0, "403"), ("chat-1", "уведомление", T0, "403")], stored.Select(m => (m.ChatId ?? "", m.Text ?? "", m.FailedAtUtc!.Value, m.LastError!)));
    }

    [Fact]
    public async Task Messages_enqueued_inside_a_turn_wait_for_its_commit()
    {
        var turn = Stores.BeginTurn();
        using (turn)
        {
            await Outbox.EnqueueAsync([Message("test", "после хода")], []);
            Assert.Empty(Outbox.Pending("test"));
        }

        await Stores.CommitTurnAsync(turn);

        Assert.Equal(["после хода"], Outbox.Pending("test").Select(m => m.Text));
    }

    private static OutboxMessage Message(string channel, string text, string kind = OutboxKind.OperatorAlert, long? requestId = null) =>
        new() { Channel = channel, ChatId = "chat-1", Text = text, Kind = kind, RequestId = requestId, CreatedAtUtc = T0 };
}
