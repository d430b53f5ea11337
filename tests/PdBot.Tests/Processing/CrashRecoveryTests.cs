using System.Collections.Concurrent;
using System.Text.Json;
using PdBot.Adapters.Telegram;
using PdBot.Core.Consent;
using PdBot.Tests.Telegram;

namespace PdBot.Tests.Processing;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task After_kill_9_in_a_burst_every_acknowledged_update_has_one_effect_and_no_prompt_is_sent_twice()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "pd.db");
        string[] args =
        [
            "--Storage:Path", db, "--Telegram:Token", telegram.Token, "--Telegram:ApiBaseUrl", telegram.BaseUrl,
            "--Telegram:Mode", TelegramOptions.Webhook, "--Telegram:WebhookSecret", TelegramTestHost.Secret,
        ];
        var acked = new ConcurrentBag<long>();

        await using (var first = await HostProcess.StartAsync(args))
        {
            // 8 senders post /start from 400 different people; the host is killed once 150 are acknowledged.
            var next = 0;
            var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                for (var user = Interlocked.Increment(ref next); user <= 400; user = Interlocked.Increment(ref next))
                {
                    if (await first.PostAsync(TelegramEndpoints.Route, FakeTelegramServer.TextUpdate(user, 1000 + user, "/start"), TelegramEndpoints.SecretHeader, TelegramTestHost.Secret))
                    {
                        acked.Add(1000 + user);
                        if (acked.Count == 150)
                        {
                            first.Kill();
                        }
                    }
                }
            })).ToList();
            await Task.WhenAll(senders);
        }

        await using (var second = await HostProcess.StartAsync(args))
        {
            await second.WaitUntilAsync(h => Channel(h)?.GetProperty("inboxBacklog").GetInt32() == 0 && Channel(h)?.GetProperty("outboxBacklog").GetInt32() == 0, TimeSpan.FromSeconds(60));
        }

        var prompts = telegram.CallsTo("sendMessage").Where(c => c.Text?.Contains("Согласен", StringComparison.Ordinal) == true || c.Body.ToString().Contains("tick", StringComparison.Ordinal))
            .GroupBy(c => c.ChatId!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(prompts, p => Assert.Equal(1, p.Value));

        using var host = new PdBotTestHost(dbPath: db);
        foreach (var user in acked)
        {
            var person = host.Store.FindPerson("telegram", user.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotNull(person);
            Assert.Equal(ConsentState.Offered, Assert.Single(host.Store.RecordsOf(person.Id)).State);
        }

        // Only a send in flight at the kill may be lost (Telegram: at most once); every other acknowledged person got the prompt.
        Assert.InRange(acked.Count(u => !prompts.ContainsKey(u)), 0, 8);
        Assert.True(host.Audit.Verify().IsIntact);
    }

    private static JsonElement? Channel(JsonElement? health) =>
        health?.GetProperty("channels").EnumerateArray().FirstOrDefault(c => c.GetProperty("channel").GetString() == "telegram") is { ValueKind: JsonValueKind.Object } c ? c : null;
}
