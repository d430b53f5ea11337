using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Telegram;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>
/// Two hosts sending for one bot token at full speed, each with its own pacer and its own connections to one
/// PostgreSQL database, counted by the fake Bot API on a fake clock: the clock moves in 10 ms steps, and within a
/// step both hosts send concurrently until their pacers say wait, so each call arrives at the time it was allowed.
/// </summary>
public sealed class SharedSendBudgetTests : FleetTestBase
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private sealed record Host(string Name, SendPacer Pacer, TelegramAdapter Client)
    {
        public int Sent { get; set; }
    }

    private Host StartHost(string name, bool shared = true)
    {
        var budget = Own(new PgSendBudget(Connect(), Telegram.Token, TelegramAdapter.TelegramLimits, Clock));
        return new Host(name, new SendPacer(TelegramAdapter.TelegramLimits, Clock, shared ? budget : null), TelegramClient());
    }

    /// <summary>Sends to new chats (no chat's own pace is reached) for as long as the pacer allows at this instant.</summary>
    private static async Task SendWhileAllowedAsync(Host host)
    {
        while (true)
        {
            var chat = $"{(host.Name == "a" ? 1 : 2)}{host.Sent:D6}";
            if (await host.Pacer.TryTakeAsync(chat, default) > TimeSpan.Zero)
            {
                return;
            }

            var result = await host.Client.DeliverAsync(new OutboxMessage
            {
                Channel = "telegram",
                ChatId = chat,
                Text = "Напоминание о приёме",
                Kind = OutboxKind.TurnReply,
                Action = OutboxAction.Send,
            }, default);
            Assert.Equal(DeliveryStatus.Sent, result.Status);
            host.Sent++;
        }
    }

    private async Task RunAsync(TimeSpan length, params Host[] hosts)
    {
        for (var t = TimeSpan.Zero; t < length; t += Step)
        {
            await Task.WhenAll(hosts.Select(SendWhileAllowedAsync));
            Clock.Advance(Step);
        }
    }

    /// <summary>The most calls the fake API received in any one second.</summary>
    private int BusiestSecond()
    {
        var at = Telegram.CallsTo("sendMessage").Select(c => c.At).ToList();
        return at.Max(t => at.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Two_hosts_sending_at_full_speed_together_stay_within_the_tokens_limit_in_every_second()
    {
        var a = StartHost("a");
        var b = StartHost("b");

        await RunAsync(TimeSpan.FromSeconds(3), a, b);

        var limit = TelegramAdapter.TelegramLimits.PerSecondOverall;
        Assert.InRange(BusiestSecond(), limit * 3 / 4, limit);
        Assert.InRange(a.Sent + b.Sent, 3 * limit * 3 / 4, 3 * limit);
        Assert.True(a.Sent > 0 && b.Sent > 0, $"both hosts send: a {a.Sent}, b {b.Sent}");
    }

    [Fact]
    public async Task Without_the_shared_budget_two_hosts_would_send_twice_the_tokens_limit()
    {
        var a = StartHost("a", shared: false);
        var b = StartHost("b", shared: false);

        await RunAsync(TimeSpan.FromSeconds(1), a, b);

        Assert.Equal(2 * TelegramAdapter.TelegramLimits.PerSecondOverall, BusiestSecond());
    }

    [Fact]
    public async Task The_budget_row_is_keyed_by_the_tokens_hash_and_never_holds_the_token()
    {
        var a = StartHost("a");
        await RunAsync(Step, a);

        using var storage = new PgStorage(Database);
        var rows = storage.Query("SELECT token_hash, row_to_json(b)::text FROM fleet_send_budget b", r => (Key: r.GetString(0), Row: r.GetString(1)));

        var row = Assert.Single(rows);
        Assert.Equal(PgSendBudget.HashOf(Telegram.Token), row.Key);
        Assert.Equal(64, row.Key.Length);
        Assert.DoesNotContain(Telegram.Token.Split(':')[1], row.Row, StringComparison.Ordinal);
    }
}
