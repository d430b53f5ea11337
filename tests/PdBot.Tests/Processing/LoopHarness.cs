using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.Processing;
using PdBot.Bot.Conversation;
using PdBot.Bot.Conversation.Unsubscribe;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Tests.Processing;

/// <summary>
/// The shared processing loop on the "test" channel over a real LiteDB file and the real bot: updates are
/// activities stored as JSON, committed replies are collected, and every turn the bot runs is recorded in order.
/// </summary>
public sealed class LoopHarness : IDisposable
{
    private int _next;

    public LoopHarness(int workers = 8, Func<Activity, bool>? failWhen = null, ProcessingOptions? options = null)
    {
        Bot = new RecordingBot(Host.Bot, failWhen ?? (_ => false));
        Loop = new ChannelLoop("test", Inbox, Host.Services.GetRequiredService<ITurnTransactions>(), Bot, new WithdrawalRecognizer(),
            item => JsonSerializer.Deserialize<Activity>(item.Payload), Collect,
            options ?? new ProcessingOptions { Workers = workers }, Host.Clock, NullLogger.Instance);
    }

    public PdBotTestHost Host { get; } = new();

    public ChannelLoop Loop { get; }

    public RecordingBot Bot { get; }

    public IInbox Inbox => Host.Services.GetRequiredService<IInbox>();

    public List<OutboxMessage> Committed { get; } = [];

    public Task<bool> SayAsync(string user, string text) => IngestAsync(Activity.Message("test", user, text, NextId()));

    public Task<bool> PressAsync(string user, string payload) =>
        IngestAsync(Activity.Press("test", user, payload, "m-1", NextId()));

    public async Task<bool> IngestAsync(Activity activity)
    {
        var item = new InboxItem
        {
            Id = "test:" + activity.MessageId,
            Channel = "test",
            Payload = JsonSerializer.Serialize(activity),
            ReceivedAtUtc = Host.Clock.GetUtcNow().UtcDateTime,
        };
        return await Loop.IngestAsync(item, activity, default);
    }

    /// <summary>Gives <paramref name="user"/> the mailing consent through the loop itself.</summary>
    public async Task GiveMailingConsentAsync(string user)
    {
        await SayAsync(user, "/start");
        await PressAsync(user, new Payload(Payload.Tick, "mailing").ToString());
        await PressAsync(user, new Payload(Payload.Submit, "mailing").ToString());
        await Loop.RunOnceAsync(default);
    }

    public void Dispose()
    {
        Loop.Dispose();
        Host.Dispose();
    }

    private void Collect(IReadOnlyList<OutboxMessage> replies)
    {
        lock (Committed)
        {
            Committed.AddRange(replies);
        }
    }

    private string NextId() => $"u{Interlocked.Increment(ref _next)}";
}
