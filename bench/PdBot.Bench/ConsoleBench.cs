using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Bench;

/// <summary>
/// Page load times of the admin console's consent log over real HTTP (Kestrel on 127.0.0.1, signed in with a
/// cookie, antiforgery and all) against a LiteDB file holding <c>--events</c> consent events.
/// </summary>
internal static partial class ConsoleBench
{
    private const string Login = "bench";
    private const string Password = "bench-password-1";
    private static readonly string[] Purposes = ["mailing", "mailing", "mailing", "consultation", "consultation", "patient", "patient", "patient", "patient", "review"];
    private static readonly string[] Channels = ["vk", "vk", "telegram"];

    public static async Task<int> RunAsync(int events, int runs, string folder)
    {
        var db = Path.Combine(folder, "console.db");
        var seed = Stopwatch.StartNew();
        var (midSeq, someUser, midDay) = await SeedAsync(db, events);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {events} consent events in {seed.Elapsed.TotalSeconds:0.0} s ({db})"));

        await using var app = ServeVerb.BuildApp(["--urls", "http://127.0.0.1:0", "--Storage:Path", db, "--Logging:LogLevel:Default", "Warning"]);
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        if (await app.Services.GetRequiredService<AdminEnrollment>().CreateAsync(Login, AdminRole.Auditor, Password, "bench") is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
        await SignInAsync(http);

        (string Name, string Path)[] pages =
        [
            ("first page, no filter", "/admin/consents"),
            ("deep page (cursor in the middle)", $"/admin/consents?before={midSeq}"),
            ("event = withdrawn", "/admin/consents?event=withdrawn"),
            ("purpose = review (10%)", "/admin/consents?purpose=review"),
            ("channel = telegram + event = needs-renewal", "/admin/consents?channel=telegram&event=needs-renewal"),
            ("one day in the middle", $"/admin/consents?from={midDay:yyyy-MM-dd}&to={midDay:yyyy-MM-dd}"),
            ("one person", $"/admin/consents?person={someUser}"),
            ("no match (all 100% scanned)", "/admin/consents?purpose=nonexistent"),
        ];

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET over HTTP, {runs} runs each after 3 warm-ups; page = 50 rows"));
        Console.WriteLine("| view | median ms | p95 ms | max ms | rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, path) in pages)
        {
            var (times, rows) = await MeasureAsync(http, path, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} | {times.Max():0.0} | {rows} |"));
        }

        if (BrowserPageLoad.Available)
        {
            BrowserPageLoad.Measure(address, Login, Password, [pages[0], pages[1], pages[2], pages[6]], runs, Path.Combine(folder, "chromium-profile"));
        }
        else
        {
            Console.WriteLine("(no /usr/bin/chromium + chromedriver: browser load times skipped; scripts/test installs them)");
        }

        Console.WriteLine();
        Console.WriteLine("| once, over HTTP | ms | result |");
        Console.WriteLine("|---|---:|---|");
        var verify = Stopwatch.StartNew();
        using (var auditPage = await http.GetAsync(new Uri("/admin/audit", UriKind.Relative)))
        {
            var html = await auditPage.Content.ReadAsStringAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| audit page with chain verification | {verify.Elapsed.TotalMilliseconds:0} | {(html.Contains("chain-ok", StringComparison.Ordinal) ? "intact" : "NOT intact")} |"));
        }

        var export = Stopwatch.StartNew();
        var csv = await http.GetStringAsync(new Uri("/admin/consents/export", UriKind.Relative));
        var lines = csv.Count(c => c == '\n') - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| consent log CSV export, every row | {export.Elapsed.TotalMilliseconds:0} | {lines} rows |"));
        await app.StopAsync();
        return lines == events ? 0 : 1;
    }

    private static async Task<(long MidSeq, string SomeUser, DateOnly MidDay)> SeedAsync(string path, int events)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = path });
        var audit = new LiteAuditLog(storage);
        var start = new DateTime(2025, 11, 23, 6, 0, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromDays(365) / events;
        const int Chunk = 5000;
        for (var done = 0; done < events; done += Chunk)
        {
            var batch = Enumerable.Range(done, Math.Min(Chunk, events - done)).Select(i => Entry(i, start + (step * i))).ToList();
            await storage.Writer.WriteAsync(db => audit.AppendOnWriterThread(db, batch));
        }

        var mid = Entry(events / 2, start + (step * (events / 2)));
        return (events / 2, mid.UserId!, DateOnly.FromDateTime(mid.TimeUtc));
    }

    private static AuditEntry Entry(int i, DateTime time)
    {
        // About 1 in 8 people withdraws later, 1 in 50 needs renewal; ids repeat so a person has several events.
        var user = (1_000_000 + (i % 40_000)).ToString(CultureInfo.InvariantCulture);
        var evt = i % 50 == 7 ? AuditEvents.NeedsRenewal : i % 8 == 3 ? AuditEvents.Withdrawn : AuditEvents.Given;
        var purpose = Purposes[i % Purposes.Length];
        return new AuditEntry
        {
            TimeUtc = time,
            Kind = AuditEvents.ConsentKind,
            Event = evt,
            Channel = Channels[i % Channels.Length],
            UserId = user,
            PersonId = "p" + user,
            MessageId = "m" + i.ToString(CultureInfo.InvariantCulture),
            PurposeId = purpose,
            TextVersion = 1,
            TextHash = new string('a', 64),
            Buttons = evt == AuditEvents.Given ? ["tick", "send"] : [],
        };
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync(new Uri("/admin/login", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = Login,
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await http.PostAsync(new Uri("/admin/login", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
        }
    }

    private static async Task<(List<double> Times, int Rows)> MeasureAsync(HttpClient http, string path, int runs)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            }

            rows = RowPattern().Count(html);
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (times, rows);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("class=\"consent-row\"")]
    private static partial Regex RowPattern();
}
