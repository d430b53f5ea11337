using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bench.Webhook;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bench.Mailing;

/// <summary>
/// <c>mailing --recipients N [--telegram T] [--unsubscribers U] [--latency-ms L]</c>: the real host (production
/// services and clock, a fresh LiteDB file) with Telegram and VK against fake APIs on 127.0.0.1; N people with the
/// mailing consent, T of them on Telegram and the rest on VK; one mailing started through MailingService and sent by
/// the two MailingSenders concurrently (the runner's part, driven directly). U recipients press «Отписаться» during
/// the run: half before their own send, half under the message they got.
/// </summary>
internal static class MailingBench
{
    public const string Usage = "usage: mailing [--recipients 10000] [--telegram 1800] [--unsubscribers 200] [--latency-ms 30]";
    private const string Text = "Скидка 20 % на профессиональную чистку зубов до конца месяца. Запишитесь в клинику!";
    private const string Secret = "bench-secret_123";
    private const string VkSecret = "vk-bench-secret";
    private const long TelegramBase = 5_000_000;
    private const long VkBase = 7_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options(args);
        if (o is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (recipients, telegram, unsubscribers, latency) = o.Value;
        var vk = recipients - telegram;
        using var temp = new TempDirectory();
        await using var apis = await FakeMailingApis.StartAsync(Text, TimeSpan.FromMilliseconds(latency));
        var app = Host(apis, temp.File("mailing.db"));
        await PdBotServices.PrepareAsync(app.Services, default);
        var services = app.Services;
        var seeding = Stopwatch.StartNew();
        var tgPeople = await SeedAsync(services, "telegram", TelegramBase, telegram);
        var vkPeople = await SeedAsync(services, "vk", VkBase, vk);
        Console.WriteLine(Line($"seeded {recipients} people with the mailing consent ({telegram} Telegram, {vk} VK) in {seeding.Elapsed.TotalSeconds:0.0} s"));
        await app.StartAsync();
        try
        {
            var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
            var tgUnsub = (int)Math.Round((double)unsubscribers * telegram / recipients);
            var plan = Plan("telegram", tgPeople, tgUnsub, TimeSpan.FromSeconds(telegram / 30.0))
                .Concat(Plan("vk", vkPeople, unsubscribers - tgUnsub, TimeSpan.FromSeconds(vk / 2000.0))).ToList();
            var mailing = await StartMailingAsync(services, tgPeople, vkPeople);

            var senders = services.GetServices<IMailingChannel>().ToList();
            var clock = Stopwatch.StartNew();
            var sending = Task.WhenAll(senders.Select(s => Task.Run(() => s.SendAsync(mailing, () => true, default))));
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var pressing = PressAsync(plan, apis, http, clock, sending);
            var watching = WatchAsync(plan, services, sending);
            await sending;
            var sendSeconds = clock.Elapsed.TotalSeconds;
            await Task.WhenAll(pressing, watching);
            Report(services, apis, mailing, plan, telegram, vk, sendSeconds);
            return Verdict(apis, plan) ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static (int Recipients, int Telegram, int Unsubscribers, int LatencyMs)? Options(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--recipients"] = 10000, ["--unsubscribers"] = 200, ["--latency-ms"] = 30 };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) || v < 0
                || args[i] is not ("--recipients" or "--telegram" or "--unsubscribers" or "--latency-ms"))
            {
                return null;
            }

            values[args[i]] = v;
        }

        var recipients = values["--recipients"];

        // Telegram's 30 messages/s make it the long part: 18 % of 10,000 is a minute of it (VK's 2,000 a second take the rest).
        var telegram = values.TryGetValue("--telegram", out var t) ? t : Math.Min(recipients, (int)Math.Round(recipients * 0.18));
        return telegram > recipients || values["--unsubscribers"] > recipients ? null : (recipients, telegram, values["--unsubscribers"], values["--latency-ms"]);
    }

    private static WebApplication Host(FakeMailingApis apis, string db)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Storage:Path", db,
            "--Telegram:Token", FakeMailingApis.TelegramToken, "--Telegram:ApiBaseUrl", apis.BaseUrl,
            "--Telegram:Mode", TelegramOptions.Webhook, "--Telegram:WebhookSecret", Secret,
            "--Vk:AccessToken", FakeMailingApis.VkToken, "--Vk:GroupId", FakeMailingApis.VkGroupId.ToString(CultureInfo.InvariantCulture),
            "--Vk:ApiBaseUrl", apis.BaseUrl + "/method/", "--Vk:Mode", VkOptions.Callback, "--Vk:ConfirmationCode", "a1b2c3d4", "--Vk:Secret", VkSecret,
            "--Logging:LogLevel:Default", "Warning",
        ];
        return ServeVerb.BuildApp(args, s =>
        {
            s.RemoveAll<ILoggerProvider>();
            s.AddSingleton<ILoggerProvider>(BotUnderTest.Log);
        });
    }

    /// <summary>People given the mailing consent through the real Core API; their ids in send order (the ledger's order).</summary>
    private static async Task<List<(string Person, long User)>> SeedAsync(IServiceProvider services, string channel, long first, int count)
    {
        var store = services.GetRequiredService<IConsentStore>();
        var catalog = services.GetRequiredService<ConsentCatalog>();
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var user = (first + i).ToString(CultureInfo.InvariantCulture);
            var session = ConsentSession.Open(store, catalog, TimeProvider.System, channel, user, user);
            session.Offer(catalog.Mailing.Id);
            if (!(session.Tick(catalog.Mailing.Id) && session.Submit(catalog.Mailing.Id, "seed")))
            {
                throw new InvalidOperationException("Seeding could not give the mailing consent.");
            }

            await session.SaveAsync(ct);
            ids[i] = session.Person.Id;
        });
        return [.. ids.Select((id, i) => (id, first + i)).OrderBy(p => MailingDelivery.MakeId(0, p.id), StringComparer.Ordinal)];
    }

    /// <summary>Half press before their send (late in the order, early in the run), half under the message they got (early in the order).</summary>
    private static IEnumerable<Unsubscriber> Plan(string channel, List<(string Person, long User)> people, int count, TimeSpan expected)
    {
        var random = new Random(12);
        var before = count / 2;
        var late = people.Skip(people.Count / 2).OrderBy(_ => random.Next()).Take(before).ToList();
        var early = people.Take(people.Count * 2 / 5).OrderBy(_ => random.Next()).Take(count - before).ToList();
        return late.Select(p => new Unsubscriber(channel, p.User, p.Person, true, expected * random.NextDouble() * 0.3))
            .Concat(early.Select(p => new Unsubscriber(channel, p.User, p.Person, false, TimeSpan.FromMilliseconds(random.Next(50, 500)))));
    }

    private static async Task<Core.Mailings.Mailing> StartMailingAsync(IServiceProvider services, List<(string Person, long User)> tg, List<(string Person, long User)> vk)
    {
        var service = services.GetRequiredService<MailingService>();
        var actor = new MailingActor("bench", IsAdmin: true);
        var created = await service.CreateAsync(new MailingDraft(Text, "promo", [MailingChannels.Telegram, MailingChannels.Vk], MailingKind.Advertising, null,
            [new MailingLink { Label = "Записаться", Url = "https://clinic.example/promo" }]), actor);
        var id = created.Mailing?.Id ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
        await service.SubmitAsync(id, actor);
        MailingDelivery Row(string person, string channel) => new() { Id = MailingDelivery.MakeId(id, person), MailingId = id, PersonId = person, Channel = channel };
        var rows = tg.Select(p => Row(p.Person, MailingChannels.Telegram)).Concat(vk.Select(p => Row(p.Person, MailingChannels.Vk))).ToList();
        var started = await service.StartAsync(services.GetRequiredService<IMailingStore>().Find(id)!, rows);
        return started.Mailing ?? throw new InvalidOperationException(string.Join("; ", started.Errors));
    }

    private static async Task PressAsync(List<Unsubscriber> plan, FakeMailingApis apis, HttpClient http, Stopwatch clock, Task sending)
    {
        var left = plan.ToList();
        var eventId = 0;
        while (left.Count > 0 && (!sending.IsCompleted || left.Any(u => !u.BeforeSend && apis.ReceivedAt(u.Channel, u.UserId) is not null)))
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var due = left.Where(u => u.BeforeSend ? clock.Elapsed >= u.PressAfter
                : apis.ReceivedAt(u.Channel, u.UserId) is { } got && now - got >= u.PressAfter).ToList();
            await Task.WhenAll(due.Select(u => PressOneAsync(u, http, Interlocked.Increment(ref eventId))));
            left.RemoveAll(due.Contains);
            await Task.Delay(5);
        }
    }

    private static async Task PressOneAsync(Unsubscriber u, HttpClient http, int eventId)
    {
        var user = u.UserId.ToString(CultureInfo.InvariantCulture);
        using var request = u.Channel == "telegram"
            ? new HttpRequestMessage(HttpMethod.Post, TelegramEndpoints.Route) { Content = new ByteArrayContent(TelegramUpdates.Press(u.UserId, MailingMessage.UnsubscribePayload, 1000)) }
            : new HttpRequestMessage(HttpMethod.Post, VkEndpoints.Route)
            {
                Content = new StringContent(string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"type":"message_event","event_id":"bench{{{eventId}}}","v":"5.199","group_id":{{{FakeMailingApis.VkGroupId}}},"secret":"{{{VkSecret}}}","object":{"user_id":{{{user}}},"peer_id":{{{user}}},"event_id":"ev{{{eventId}}}","payload":{"cmd":"unsubscribe"},"conversation_message_id":1}}"""), Encoding.UTF8),
            };
        request.Content!.Headers.ContentType = new("application/json");
        request.Headers.Add(TelegramEndpoints.SecretHeader, Secret);
        u.PressedAt = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Reads each pressed person's mailing consent every few ms until it is withdrawn: the press → durable latency.</summary>
    private static async Task WatchAsync(List<Unsubscriber> plan, IServiceProvider services, Task sending)
    {
        var store = services.GetRequiredService<IConsentStore>();
        var purpose = services.GetRequiredService<ConsentCatalog>().Mailing.Id;
        var deadline = (Stopwatch?)null;
        while (plan.Any(u => u.LatencyMs is null && (u.PressedAt is not null || !sending.IsCompleted)))
        {
            if (sending.IsCompleted)
            {
                deadline ??= Stopwatch.StartNew();
                if (deadline.Elapsed > TimeSpan.FromSeconds(20))
                {
                    return;
                }
            }

            foreach (var u in plan.Where(u => u.PressedAt is not null && u.LatencyMs is null))
            {
                if (store.RecordsOf(u.PersonId).FirstOrDefault(r => r.PurposeId == purpose) is { State: ConsentState.Withdrawn } record)
                {
                    u.LatencyMs = Stopwatch.GetElapsedTime(u.PressedAt!.Value).TotalMilliseconds;
                    u.WithdrawnAtUtc = record.UpdatedAtUtc;
                }
            }

            await Task.Delay(2);
        }
    }

    private static void Report(IServiceProvider services, FakeMailingApis apis, Core.Mailings.Mailing mailing, List<Unsubscriber> plan, int telegram, int vk, double sendSeconds)
    {
        var stats = services.GetRequiredService<MailingService>().Statistics(mailing.Id, _ => null);
        Console.WriteLine();
        Console.WriteLine(Line($"mailing of {telegram + vk} recipients sent in {sendSeconds:0.0} s: sent {stats.Sent}, skipped {stats.Skipped}, failed {stats.Failed}, left {stats.Waiting}"));
        // Sustained: calls after the first second (a sliding one-second window lets a full second's worth go at once) over the time they took.
        if (Sustained(apis.CallsOf("telegram")) is { } tg)
        {
            Console.WriteLine(Line($"Telegram: {tg.Calls} messages, {tg.CallsPerSecond:0.00} messages/s sustained = {tg.CallsPerSecond / 30 * 100:0.0} % of the 30/s limit"));
        }

        if (Sustained(apis.CallsOf("vk")) is { } vkRate)
        {
            Console.WriteLine(Line($"VK: {vkRate.Calls} calls ({vkRate.Recipients} recipients), {vkRate.CallsPerSecond:0.00} calls/s sustained = {vkRate.CallsPerSecond / 20 * 100:0.0} % of 20 calls/s; {vkRate.RecipientsPerSecond:0} recipients/s = {vkRate.RecipientsPerSecond / 2000 * 100:0.0} % of 20 × 100"));

            // The token's 20 calls/s are shared with the bot's replies and press answers made meanwhile.
            var mailingCalls = apis.CallsOf("vk");
            var (from, to) = (mailingCalls[0].At.AddSeconds(1), mailingCalls[^1].At);
            var all = apis.CallsOf(FakeMailingApis.AnyVkCall).Count(c => c.At > from && c.At <= to) / (to - from).TotalSeconds;
            Console.WriteLine(Line($"VK token meanwhile, every call (mailing + replies + press answers): {all:0.00} calls/s = {all / 20 * 100:0.0} % of 20 calls/s"));
        }

        Console.WriteLine(Line($"turn replies sent meanwhile (unsubscribe confirmations): {apis.Replies}; mailing messages received twice: {apis.Duplicates}"));
        var before = plan.Where(u => u.BeforeSend).ToList();
        Console.WriteLine(Line($"«Отписаться» presses: {plan.Count(u => u.PressedAt is not null)} of {plan.Count} ({before.Count} before their send, {plan.Count - before.Count} under the message they got)"));
        Console.WriteLine(Line($"messages delivered after the person's withdrawal was committed: {Violations(apis, plan)} (must be 0); before-send presses whose send was stopped: {before.Count(u => apis.ReceivedAt(u.Channel, u.UserId) is null)} of {before.Count} (the rest got it before pressing)"));
        var latencies = plan.Where(u => u.LatencyMs is not null).Select(u => u.LatencyMs!.Value).ToList();
        var under = plan.Where(u => !u.BeforeSend && u.LatencyMs is not null).Select(u => u.LatencyMs!.Value).ToList();
        Console.WriteLine(Line($"press → withdrawal durable while sending, under a mailing message (n={under.Count}): p50 {Percentiles.Of(under, 50):0.0} ms, p99 {Percentiles.Of(under, 99):0.0} ms, max {(under.Count > 0 ? under.Max() : double.NaN):0.0} ms; all presses (n={latencies.Count}): p99 {Percentiles.Of(latencies, 99):0.0} ms"));
        Console.WriteLine("host warnings/errors: " + (BotUnderTest.Log.Summary() ?? "none"));
    }

    private static (int Calls, int Recipients, double CallsPerSecond, double RecipientsPerSecond)? Sustained(IReadOnlyList<(DateTime At, int Recipients)> calls)
    {
        if (calls.Count < 2)
        {
            return null;
        }

        var from = calls[0].At.AddSeconds(1);
        var later = calls.Where(c => c.At > from).ToList();
        var span = (calls[^1].At - from).TotalSeconds;
        return later.Count == 0 || span <= 0 ? null
            : (calls.Count, calls.Sum(c => c.Recipients), later.Count / span, later.Sum(c => c.Recipients) / span);
    }

    /// <summary>Mailing messages that reached a person after their withdrawal (its time in the turn is before its commit: a strict count).</summary>
    private static int Violations(FakeMailingApis apis, List<Unsubscriber> plan) =>
        plan.Count(u => u.WithdrawnAtUtc is { } w && apis.ReceivedAt(u.Channel, u.UserId) is { } got && got > w);

    private static bool Verdict(FakeMailingApis apis, List<Unsubscriber> plan) =>
        Violations(apis, plan) == 0 && apis.Duplicates == 0 && plan.All(u => u.LatencyMs is not null);

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
