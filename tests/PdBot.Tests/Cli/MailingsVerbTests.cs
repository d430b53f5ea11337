using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Cli;
using PdBot.Core.Mailings;
using PdBot.Tests.Conversations;
using PdBot.Tests.Mailings;

namespace PdBot.Tests.Cli;

/// <summary>The real <c>pdbot mailings list|show</c> on a LiteDB file written through <see cref="MailingService"/>.</summary>
public sealed partial class MailingsVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Cells(string line) => Columns().Split(line.Trim());

    /// <summary>u1 and u2 subscribe and get a completed mailing; u1 unsubscribes an hour later, u2 after 73 hours; a draft is scheduled for 10:00 МСК on 24 November.</summary>
    private async Task<(long Completed, long Draft)> SeedAsync()
    {
        using var host = new PdBotTestHost(dbPath: Db);
        await host.GiveMailingConsentAsync("u1");
        await host.GiveMailingConsentAsync("u2");
        var completed = await host.SendCompletedAsync([host.Store.FindPerson("test", "u1")!.Id, host.Store.FindPerson("test", "u2")!.Id]);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Chat("u1").Send("Отписаться").StartTestAsync();
        host.Clock.Advance(TimeSpan.FromHours(72));
        await host.Chat("u2").Send("Отписаться").StartTestAsync();
        var service = host.Services.GetRequiredService<MailingService>();
        var draft = await service.CreateAsync(MailingSteps.Draft("news", new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero)), MailingSteps.Admin);
        return (completed.Id, draft.Mailing!.Id);
    }

    [Fact]
    public async Task List_shows_every_mailing_newest_first_with_russian_state_topic_kind_clinic_time_and_counts()
    {
        var seed = await SeedAsync();

        var result = await CliRunner.RunAsync("mailings", "list", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = Lines(result.Out);
        Assert.Equal(["№", "состояние", "тема", "каналы", "вид", "отправка", "получателей/отправлено"], Cells(lines[0]));
        Assert.Equal([$"{seed.Draft}", "черновик", "Новости клиники (news)", "Telegram", "рекламная", "27.11.2026 10:00:00 МСК", "0/0"], Cells(lines[1]));
        Assert.Equal([$"{seed.Completed}", "завершена", "Акции (promo)", "Telegram", "рекламная", "сразу", "2/2"], Cells(lines[2]));
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Show_prints_the_fields_the_text_and_statistics_counting_only_unsubscribes_within_72_hours()
    {
        var seed = await SeedAsync();

        var result = await CliRunner.RunAsync("mailings", "show", $"{seed.Completed}", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith($"рассылка № {seed.Completed}: завершена", result.Out, StringComparison.Ordinal);
        Assert.Contains(MailingSteps.Text, result.Out, StringComparison.Ordinal);
        Assert.Matches(@"SHA-256 журнала доставки: [0-9a-f]{64}", result.Out);
        Assert.Contains("автор admin", result.Out, StringComparison.Ordinal);
        Assert.Contains("  получателей: 2\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("  отправлено: 2\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("  отписались в течение 72 часов после получения: 1\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_mailing_says_so_in_russian_and_exits_1()
    {
        await SeedAsync();

        var result = await CliRunner.RunAsync("mailings", "show", "42", "--db", Db);

        Assert.Equal(MailingsVerb.NotFound, result.ExitCode);
        Assert.Equal("Рассылки № 42 нет.", result.Error.Trim());
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Show_without_a_number_explains_and_exits_non_zero()
    {
        var result = await CliRunner.RunAsync("mailings", "show", "первая", "--db", Db);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("нужен номер рассылки", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_of_no_mailings_says_so()
    {
        var result = await CliRunner.RunAsync("mailings", "list", "--db", Db);

        Assert.Equal((0, "Рассылок нет."), (result.ExitCode, result.Out.Trim()));
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();
}
