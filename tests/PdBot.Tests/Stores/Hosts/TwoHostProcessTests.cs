using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Telegram;
using PdBot.Core.Conversations;
using PdBot.Tests.Cli;
using PdBot.Tests.PostgreSql;
using PdBot.Tests.Processing;
using PdBot.Tests.Telegram;

namespace PdBot.Tests.Stores.Hosts;

/// <summary>Two real <c>pdbot serve</c> processes on one PostgreSQL database behind the Telegram webhook, one killed with SIGKILL in a burst.</summary>
[Collection(RealHostProcesses.Name)]
public sealed class TwoHostProcessTests
{
    private const int People = 60;
    private const int Each = 5;
    private const int KillAfter = 120;

    [Fact]
    public async Task After_kill_9_of_one_of_two_hosts_every_acknowledged_update_has_one_effect_in_order_and_the_other_host_takes_over_its_work()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var folder = new TempFolder();
        var db = PgServer.CreateDatabase();
        string[] Args(string name) =>
        [
            "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", db, "--Storage:Path", Path.Combine(folder.Path, name, "pd.db"),
            "--Telegram:Token", telegram.Token, "--Telegram:ApiBaseUrl", telegram.BaseUrl,
            "--Telegram:Mode", TelegramOptions.Webhook, "--Telegram:WebhookSecret", TelegramTestHost.Secret,
        ];
        await using var a = await HostProcess.StartAsync(Args("a"));
        await using var b = await HostProcess.StartAsync(Args("b"));
        using var storage = new PgStorage(db);

        // Each person's updates go one after another, alternately to the two hosts (a reverse proxy's round robin);
        // one not acknowledged (its host is dead) is delivered again to the other, as the platform would.
        var acked = new ConcurrentDictionary<long, long>();
        var killed = 0;
        var sinceKill = new Stopwatch();
        string[] leftAtKill = [];
        await Task.WhenAll(Enumerable.Range(1, People).Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= Each; i++)
            {
                var update = UpdateId(p, i);
                var json = FakeTelegramServer.TextUpdate(update, UserId(p), Text(p, i), messageId: i);
                var first = (p + i) % 2 == 0 ? a : b;
                var delivered = await first.PostAsync(TelegramEndpoints.Route, json, TelegramEndpoints.SecretHeader, TelegramTestHost.Secret)
                    || await b.PostAsync(TelegramEndpoints.Route, json, TelegramEndpoints.SecretHeader, TelegramTestHost.Secret);
                Assert.True(delivered, "the surviving host acknowledges every update");
                acked[update] = UserId(p);
                if (acked.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    a.Kill();
                    sinceKill.Start();
                    leftAtKill = [.. storage.Query("SELECT id FROM inbox WHERE processed_at IS NULL", r => r.GetString(0))];
                }
            }
        })));

        // The work left when host a died is finished by host b within 5 s of the kill; then everything else.
        await WaitUntilAsync(() => Unprocessed(storage, leftAtKill) == 0, TimeSpan.FromSeconds(30));
        var takeover = sinceKill.Elapsed;
        await WaitUntilAsync(() => Unprocessed(storage) == 0, TimeSpan.FromSeconds(60));

        Assert.Equal(People * Each, acked.Count);
        Assert.NotEmpty(leftAtKill);
        // The 5 s goal is measured by the bench on a quiet machine (webhook --store postgres --hosts 2); here, among other
        // tests, the bound only has to tell a dead-host takeover (about 3 s) from the 30 s a live host's backlog waits.
        Assert.True(takeover <= TimeSpan.FromSeconds(15), $"the survivor finished the dead host's work {takeover.TotalSeconds:0.0} s after the kill");

        // One effect per acknowledged update: the message passed on to the clinic's inbox once; a person's in the order sent.
        var passedOn = storage.Query("SELECT doc->>'Text' FROM conversation_messages WHERE doc->>'Author' = $1 ORDER BY id", r => r.GetString(0), ConversationAuthors.Person);
        Assert.Equal(People * Each, passedOn.Count);
        for (var p = 1; p <= People; p++)
        {
            var person = p;
            Assert.Equal(Enumerable.Range(1, Each).Select(i => Text(person, i)), passedOn.Where(t => t.StartsWith(Invariant($"Сообщение {person}-"), StringComparison.Ordinal)));
        }

        Assert.Equal(0, storage.Query("SELECT count(*) FROM inbox WHERE set_aside", r => r.GetInt64(0))[0]);
        var verify = await CliRunner.RunAsync("audit", "verify", "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", db);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    private static long UpdateId(int person, int index) => (person * 100) + index;

    // Plain text the bot passes on to the clinic's inbox (no command, no intent), unique per update.
    private static string Text(int person, int index) => Invariant($"Сообщение {person}-{index}");

    private static long UserId(int person) => 5000 + person;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static long Unprocessed(PgStorage storage, string[]? among = null) => among is null
        ? storage.Query("SELECT count(*) FROM inbox WHERE processed_at IS NULL", r => r.GetInt64(0))[0]
        : storage.Query("SELECT count(*) FROM inbox WHERE processed_at IS NULL AND id = ANY($1)", r => r.GetInt64(0), new object?[] { among })[0];

    // Polls the database: the hosts are real processes on the real clock.
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < limit, "the hosts did not finish the work");
            await Task.Delay(50);
        }
    }
}
