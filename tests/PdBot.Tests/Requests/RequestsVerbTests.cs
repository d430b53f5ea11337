using System.Globalization;
using System.Text.RegularExpressions;
using PdBot.Core.Calendar;
using PdBot.Core.Requests;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Requests;

/// <summary>
/// The real <c>pdbot requests</c> verbs on a LiteDB file seeded through the service with the fake clock. The CLI
/// runs on the system clock, so the working days left are computed here from today's date the same way.
/// </summary>
public sealed partial class RequestsVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task List_shows_received_open_requests_soonest_due_first_with_markers_and_no_document_number()
    {
        var seed = await SeedAsync();

        var result = await CliRunner.RunAsync("requests", "list", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal(["№", "тип", "состояние", "получен", "срок", "осталось", "отметки"], Cells(lines[0]));
        Assert.Equal([seed.Blocking, seed.Correction, seed.Access, seed.Repeat, seed.Provisional], lines.Skip(1).Select(l => long.Parse(Cells(l)[0], CultureInfo.InvariantCulture)));
        Assert.Equal([Str(seed.Correction), "Исправить мои данные", "ждёт подтверждения личности", "2026-11-23", "2026-12-02", Left(new(2026, 12, 2)), "заблокирован"], Cells(lines[2])); // the same person sent the blocking request
        Assert.Equal("подготовлен отказ, заблокирован", Cells(lines[4])[^1]);
        Assert.Equal(["2027-01-19", Left(new(2027, 1, 19)), "срок предварительный, заблокирован"], Cells(lines[5])[4..]);
        Assert.DoesNotContain("987654", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task List_due_within_keeps_only_those_with_at_most_that_many_working_days_left()
    {
        var seed = await SeedAsync();
        var n = int.Parse(Left(new(2026, 12, 2)), CultureInfo.InvariantCulture);

        var result = await CliRunner.RunAsync("requests", "list", "--due-within", Str(n), "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Str(seed.Blocking), Str(seed.Correction)], Lines(result.Out).Skip(1).Select(l => Cells(l)[0]));
    }

    [Fact]
    public async Task Confirm_extend_and_approve_exit_0_and_an_action_the_state_does_not_allow_exits_1()
    {
        var seed = await SeedAsync();
        var id = Str(seed.Access);

        var early = await CliRunner.RunAsync("requests", "approve", id, "--db", Db);
        var confirm = await CliRunner.RunAsync("requests", "confirm-identity", id, "--by", "ivanova", "--db", Db);
        var bare = await CliRunner.RunAsync("requests", "extend", id, "--db", Db);
        var extend = await CliRunner.RunAsync("requests", "extend", id, "--reason", "запрошен архив", "--days", "3", "--db", Db);
        var again = await CliRunner.RunAsync("requests", "extend", id, "--reason", "ещё раз", "--db", Db);
        var show = await CliRunner.RunAsync("requests", "show", id, "--db", Db);
        var approve = await CliRunner.RunAsync("requests", "approve", id, "--db", Db);
        var list = await CliRunner.RunAsync("requests", "list", "--db", Db);
        var all = await CliRunner.RunAsync("requests", "list", "--all", "--db", Db);

        Assert.Equal((1, ""), (early.ExitCode, early.Out));
        Assert.Contains("ждёт подтверждения личности", early.Error, StringComparison.Ordinal);
        Assert.Equal(0, confirm.ExitCode);
        Assert.Contains("личность подтверждена", confirm.Out, StringComparison.Ordinal);
        Assert.Equal(1, bare.ExitCode);
        Assert.Contains("причиной", bare.Error, StringComparison.Ordinal);
        Assert.Equal(0, extend.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("срок:      2026-12-10", show.Out, StringComparison.Ordinal); // 7 Dec + 8, 9, 10 Dec
        Assert.Contains("документ:  ••••••7654", show.Out, StringComparison.Ordinal);
        Assert.Contains("личность подтверждена  (ivanova)", show.Out, StringComparison.Ordinal);
        Assert.Contains("срок продлён  (оператор (командная строка)): запрошен архив", show.Out, StringComparison.Ordinal);
        Assert.Contains("ответ (подготовлен, отправляется при одобрении):", show.Out, StringComparison.Ordinal);
        Assert.Contains("идентификатор пользователя 100042", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", show.Out, StringComparison.Ordinal);
        Assert.Equal(0, approve.ExitCode);
        Assert.DoesNotContain(Lines(list.Out), l => Cells(l)[0] == id);
        Assert.Contains(Lines(all.Out), l => Cells(l).Take(3).SequenceEqual([id, "Какие мои данные обрабатываются", "ответ отправлен"]));
        Assert.Contains(Lines(all.Out), l => Cells(l).Take(3).SequenceEqual([Str(seed.Draft), "Уничтожить мои данные", "заполняется"]));
    }

    [Theory]
    [InlineData("confirm-identity")]
    [InlineData("approve")]
    [InlineData("show")]
    public async Task An_unknown_request_number_exits_1_and_says_there_is_no_such_request(string verb)
    {
        await SeedAsync();

        var result = await CliRunner.RunAsync("requests", verb, "99", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Запроса № 99 нет.", result.Error.Trim());
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_request_number_that_is_not_a_number_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("requests", "refuse", "abc", "--reason", "x", "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("requests refuse: нужен номер запроса", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuse_without_a_reason_exits_1_and_with_one_exits_0()
    {
        var seed = await SeedAsync();
        var id = Str(seed.Repeat);

        var bare = await CliRunner.RunAsync("requests", "refuse", id, "--db", Db);
        var reasoned = await CliRunner.RunAsync("requests", "refuse", id, "--reason", "повторный запрос без обоснования", "--by", "ivanova", "--db", Db);

        Assert.Equal(1, bare.ExitCode);
        Assert.Equal(0, reasoned.ExitCode);
        Assert.Contains("отказано", reasoned.Out, StringComparison.Ordinal);
    }

    private static string Left(DateOnly due) =>
        ProductionCalendar.Create(null).WorkingDaysBetween(ClinicTime.Today(TimeProvider.System), due).ToString(CultureInfo.InvariantCulture);

    private static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Approve_with_set_applies_the_correction_and_show_names_the_person_blocked_in_russian()
    {
        var seed = await SeedAsync();
        var id = Str(seed.Correction);
        await CliRunner.RunAsync("requests", "confirm-identity", id, "--db", Db);

        var bare = await CliRunner.RunAsync("requests", "approve", id, "--db", Db);
        var done = await CliRunner.RunAsync("requests", "approve", id, "--set", "relation=договор № 78", "--by", "ivanova", "--db", Db);
        var show = await CliRunner.RunAsync("requests", "show", id, "--db", Db);
        var blocked = await CliRunner.RunAsync("requests", "show", Str(seed.Blocking), "--db", Db);

        Assert.Equal(1, bare.ExitCode);
        Assert.Contains("Укажите исправленные значения", bare.Error, StringComparison.Ordinal);
        Assert.Equal(0, done.ExitCode);
        Assert.Contains("связь с клиникой: договор № 78", show.Out, StringComparison.Ordinal);
        Assert.Contains("данные исправлены  (ivanova): связь с клиникой", show.Out, StringComparison.Ordinal);
        Assert.Contains("(данные заблокированы)", blocked.Out, StringComparison.Ordinal);
        Assert.Contains("состояние: данные заблокированы", blocked.Out, StringComparison.Ordinal);
    }

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    // Columns are two or more spaces apart; the Russian labels inside them have single spaces.
    private static string[] Cells(string line) => ColumnGap().Split(line.Trim());

    /// <summary>On the fake clock (Mon 23 Nov 2026): access, correction, blocking, a repeat access, an intake draft, and on 25 Dec a stop-processing request.</summary>
    private async Task<Seed> SeedAsync()
    {
        using var h = new RequestHost(dbPath: Db);
        var person = await h.PersonAsync("100042");
        var access = await h.ReceiveAsync(person, RequestType.Access, r => r.DocumentNumber = "4510 987654");
        var correction = await h.ReceiveAsync(person, RequestType.Correction);
        var blocking = await h.ReceiveAsync(person, RequestType.Blocking);
        var draft = h.Service.Start(person, RequestType.Destruction, "document");
        await h.Service.SaveDraftAsync(draft);
        var repeat = await h.ReceiveAsync(person, RequestType.Access);
        h.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero));
        var provisional = await h.ReceiveAsync(person, RequestType.StopProcessing);
        return new(access.Id, correction.Id, blocking.Id, draft.Id, repeat.Id, provisional.Id);
    }

    private sealed record Seed(long Access, long Correction, long Blocking, long Draft, long Repeat, long Provisional);

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnGap();
}
