using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Tests.Cli;
using PdBot.Tests.Requests;

namespace PdBot.Tests.Retention;

/// <summary>The real <c>pdbot retention preview</c> verb on a LiteDB file seeded with the fake clock.</summary>
public sealed class RetentionPreviewTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    /// <summary>u1 unsubscribed (nothing else: destroyed), u2 unsubscribed but is a patient (blocked), u3 re-subscribed (not listed).</summary>
    private async Task<(string Destroyed, string Blocked)> SeedAsync()
    {
        using var h = new RequestHost(dbPath: Db);
        var retention = (RetentionService)h.Host.Services.GetService(typeof(RetentionService))!;
        var ids = new List<string>();
        foreach (var (user, extra, again) in new[] { ("u1", (string?)null, false), ("u2", "patient", false), ("u3", null, true) })
        {
            var session = ConsentSession.Open(h.People, h.Host.Catalog, h.Host.Clock, RequestHost.Channel, user, user);
            foreach (var p in extra is null ? ["mailing"] : new[] { "mailing", extra })
            {
                Assert.True(session.Offer(p) && session.Tick(p) && session.Submit(p, null));
            }

            session.Withdraw("mailing", null, "unsubscribe");
            await session.SaveAsync();
            await retention.ScheduleAsync(session.Person, "mailing", "unsubscribe");
            if (again)
            {
                Assert.True(session.Offer("mailing") && session.Tick("mailing") && session.Submit("mailing", null));
                await session.SaveAsync();
            }

            ids.Add(session.Person.Id);
        }

        return (ids[0], ids[1]);
    }

    [Fact]
    public async Task Preview_lists_what_will_be_destroyed_or_blocked_in_russian_and_changes_nothing()
    {
        var (destroyed, blocked) = await SeedAsync();

        var result = await CliRunner.RunAsync("retention", "preview", "--until", "2026-12-15", "--db", Db);
        var again = await CliRunner.RunAsync("retention", "preview", "--until", "2026-12-15", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("До 15.12.2026 задание хранения выполнит (2):", lines[0]);
        Assert.Contains(lines, l => l.Contains(destroyed, StringComparison.Ordinal) && l.StartsWith("07.12.2026", StringComparison.Ordinal)
            && l.Contains("цель «Рассылка клиники»", StringComparison.Ordinal) && l.Contains("причина: отписка от рассылки", StringComparison.Ordinal)
            && l.EndsWith("решение: уничтожение", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(blocked, StringComparison.Ordinal) && l.Contains("решение: блокирование (сохраняется основание «Переписка с пациентом»)", StringComparison.Ordinal));
        Assert.Equal(3, lines.Length);
        Assert.Equal(result.Out, again.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Preview_lists_a_consent_whose_term_runs_out_with_its_date()
    {
        string person;
        using (var h = new RequestHost(dbPath: Db))
        {
            var session = ConsentSession.Open(h.People, h.Host.Catalog, h.Host.Clock, RequestHost.Channel, "u9", "u9");
            Assert.True(session.Offer("consultation") && session.Tick("consultation") && session.Submit("consultation", null));
            await session.SaveAsync();
            person = session.Person.Id;
        }

        var result = await CliRunner.RunAsync("retention", "preview", "--until", "2027-01-31", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Out.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("23.12.2026", StringComparison.Ordinal)
            && l.Contains(person, StringComparison.Ordinal) && l.Contains("согласие «Заявка на бесплатную консультацию»", StringComparison.Ordinal)
            && l.Contains("истёк срок согласия: 30 дн.", StringComparison.Ordinal) && l.EndsWith("решение: прекращение согласия", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_before_any_due_date_says_there_is_nothing_and_exits_0()
    {
        await SeedAsync();

        var result = await CliRunner.RunAsync("retention", "preview", "--until", "2026-12-01", "--db", Db);

        Assert.Equal((0, "До 01.12.2026 уничтожать и блокировать нечего."), (result.ExitCode, result.Out.Trim()));
    }

    [Fact]
    public async Task Preview_with_a_date_it_cannot_read_explains_the_format_and_exits_2()
    {
        var result = await CliRunner.RunAsync("retention", "preview", "--until", "15.12.2026", "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ГГГГ-ММ-ДД", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
