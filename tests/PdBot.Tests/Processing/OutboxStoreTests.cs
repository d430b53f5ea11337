using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Processing;

/// <summary>The outbox marks the sender uses, on a real LiteDB file.</summary>
public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTime At = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    private static OutboxMessage Message(string kind, string chat = "42") =>
        new() { Channel = "telegram", ChatId = chat, Text = "Здравствуйте", Kind = kind, CreatedAtUtc = At };

    [Fact]
    public async Task A_delivered_turn_reply_is_deleted_and_its_id_is_never_given_again()
    {
        var first = Message(OutboxKind.TurnReply);
        await Outbox.EnqueueAsync([first], []);
        await Outbox.MarkDeliveredAsync(first, At);

        var second = Message(OutboxKind.TurnReply);
        await Outbox.EnqueueAsync([second], []);
        _host.Restart();
        var third = Message(OutboxKind.TurnReply);
        await Outbox.EnqueueAsync([third], []);

        Assert.Equal([second.Id, third.Id], Outbox.Pending("telegram").Select(m => m.Id));
        Assert.True(first.Id < second.Id && second.Id < third.Id);
    }

    [Fact]
    public async Task A_delivered_request_answer_is_kept_as_sent_without_its_chat()
    {
        var answer = Message(OutboxKind.RequestAnswer);
        answer.RequestId = 5;
        await Outbox.EnqueueAsync([answer], []);

        await Outbox.MarkDeliveredAsync(answer, At);

        var kept = Assert.Single(Outbox.OutboxOfRequests([5]));
        Assert.Equal(At, kept.SentAtUtc);
        Assert.True(string.IsNullOrEmpty(kept.ChatId));
        Assert.Empty(Outbox.Pending("telegram"));
    }

    [Fact]
    public async Task A_set_aside_message_is_no_longer_pending_and_a_rescheduled_one_is()
    {
        var aside = Message(OutboxKind.TurnReply, "1");
        var later = Message(OutboxKind.TurnReply, "2");
        await Outbox.EnqueueAsync([aside, later], []);

        await Outbox.SetAsideAsync(aside, "500 Internal Server Error", At);
        (later.Attempts, later.NextAttemptAtUtc, later.LastError) = (1, At.AddSeconds(1), "429 Too Many Requests");
        await Outbox.RescheduleAsync(later);

        var pending = Assert.Single(Outbox.Pending("telegram"));
        Assert.Equal((later.Id, 1, At.AddSeconds(1), "429 Too Many Requests"), (pending.Id, pending.Attempts, pending.NextAttemptAtUtc, pending.LastError));
    }
}
