using PdBot.Core.Calendar;
using PdBot.Core.Requests;

namespace PdBot.Tests.Requests;

/// <summary>
/// Due dates and extensions. Expected dates are counted by hand on the 2026 production calendar (Decree No. 1466):
/// the term starts the day after receipt, weekends and 4 Nov, 31 Dec, 1–9 Jan are days off.
/// </summary>
public sealed class RequestServiceDeadlineTests : IDisposable
{
    private readonly RequestHost _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task An_access_request_received_on_Monday_23_November_is_due_ten_working_days_later_on_7_December()
    {
        var person = await _h.PersonAsync("100042");

        var r = await _h.ReceiveAsync(person, RequestType.Access);

        // 24, 25, 26, 27, 30 Nov, 1, 2, 3, 4, 7 Dec.
        Assert.Equal(new DateOnly(2026, 12, 7), r.DueDate);
        Assert.Equal(r.DueDate, r.OriginalDueDate);
        Assert.False(r.DueIsProvisional);
        Assert.Equal(RequestState.AwaitingIdentity, _h.Requests.Find(r.Id)!.State);
        Assert.Equal(10, _h.Service.WorkingDaysLeft(r));
    }

    [Fact]
    public async Task The_clock_runs_from_the_clinics_date_so_a_request_at_1_30_Moscow_time_counts_from_that_day()
    {
        var person = await _h.PersonAsync("100042");
        _h.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero)); // Tue 24 Nov 01:30 in Moscow

        var r = await _h.ReceiveAsync(person, RequestType.Access);

        // 25, 26, 27, 30 Nov, 1, 2, 3, 4, 7, 8 Dec.
        Assert.Equal(new DateOnly(2026, 12, 8), r.DueDate);
    }

    [Fact]
    public void A_term_across_4_November_skips_the_holiday()
    {
        var rule = new DeadlineTable()[RequestType.Access];

        // Fri 30 Oct 2026: 2, 3, (4 Nov off), 5, 6, 9, 10, 11, 12, 13, 16 Nov.
        var due = RequestDeadlines.Due(ProductionCalendar.Create(null), new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero), rule);

        Assert.Equal(new DateOnly(2026, 11, 16), due.Due);
    }

    [Fact]
    public async Task A_term_running_into_2027_skips_the_new_year_holidays_and_is_marked_provisional()
    {
        var person = await _h.PersonAsync("100042");
        _h.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 25, 9, 0, 0, TimeSpan.Zero)); // Fri 25 Dec

        var r = await _h.ReceiveAsync(person, RequestType.Access);

        // 28, 29, 30 Dec, (31 Dec – 10 Jan off), 11, 12, 13, 14, 15, 18, 19 Jan.
        Assert.Equal(new DateOnly(2027, 1, 19), r.DueDate);
        Assert.True(r.DueIsProvisional);
    }

    [Fact]
    public async Task A_correction_request_gets_the_laws_seven_working_days_not_the_policys_ten()
    {
        var person = await _h.PersonAsync("100042");

        var r = await _h.ReceiveAsync(person, RequestType.Correction);

        // 24, 25, 26, 27, 30 Nov, 1, 2 Dec.
        Assert.Equal(new DateOnly(2026, 12, 2), r.DueDate);
        Assert.Equal(10, _h.Service.Deadlines[RequestType.Correction].Days);
        var conflict = Assert.Single(_h.Service.Deadlines.PolicyConflicts(), c => c.Contains("Correction", StringComparison.Ordinal));
        Assert.Contains("policy clause 6.2.2, 6.2.7", conflict, StringComparison.Ordinal);
        Assert.EndsWith("using 7", conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_by_at_most_five_working_days_with_a_reason_is_sent_to_the_person_and_only_once()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.InProgressAsync(person);

        var first = await _h.Service.ExtendAsync(r.Id, "нужно запросить архив", "operator", 5);
        var second = await _h.Service.ExtendAsync(r.Id, "ещё причина", "operator", 1);

        Assert.True(first.Ok, first.Message);
        Assert.False(second.Ok);
        var stored = _h.Requests.Find(r.Id)!;
        Assert.Equal(RequestState.Extended, stored.State);

        // 7 Dec + 8, 9, 10, 11, 14 Dec.
        Assert.Equal(new DateOnly(2026, 12, 14), stored.DueDate);
        Assert.Equal(new DateOnly(2026, 12, 7), stored.OriginalDueDate);
        var notice = Assert.Single(_h.Outbox(), m => m.Kind == "request-extension");
        Assert.Equal(person.ChatId, notice.ChatId);
        Assert.Equal(r.Id, notice.RequestId);
        Assert.Contains("14.12.2026", notice.Text, StringComparison.Ordinal);
        Assert.Contains("нужно запросить архив", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("   ", 3)]
    [InlineData("причина", 6)]
    [InlineData("причина", 0)]
    public async Task An_extension_without_a_reason_or_beyond_five_working_days_is_refused(string reason, int days)
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.InProgressAsync(person);

        var result = await _h.Service.ExtendAsync(r.Id, reason, "operator", days);

        Assert.False(result.Ok);
        Assert.Equal(RequestState.InProgress, _h.Requests.Find(r.Id)!.State);
        Assert.DoesNotContain(_h.Outbox(), m => m.Kind == "request-extension");
    }

    [Fact]
    public async Task An_extension_after_the_due_date_is_refused_but_on_the_due_date_itself_it_is_allowed()
    {
        var person = await _h.PersonAsync("100042");
        var late = await _h.InProgressAsync(person);
        var onTime = await _h.InProgressAsync(await _h.PersonAsync("100043"));

        _h.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero)); // 23:00 on 7 Dec in Moscow
        var lastDay = await _h.Service.ExtendAsync(onTime.Id, "причина", "operator", 2);
        _h.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.Zero)); // 00:30 on 8 Dec in Moscow
        var tooLate = await _h.Service.ExtendAsync(late.Id, "причина", "operator", 2);

        Assert.True(lastDay.Ok, lastDay.Message);
        Assert.False(tooLate.Ok);
        Assert.Contains("07.12.2026", tooLate.Message, StringComparison.Ordinal);
        Assert.Equal(RequestState.InProgress, _h.Requests.Find(late.Id)!.State);
        Assert.Equal(-1, _h.Service.WorkingDaysLeft(_h.Requests.Find(late.Id)!));
    }

    [Fact]
    public async Task A_correction_request_cannot_be_extended()
    {
        var person = await _h.PersonAsync("100042");
        var r = await _h.InProgressAsync(person, RequestType.Correction);

        var result = await _h.Service.ExtendAsync(r.Id, "причина", "operator", 5);

        Assert.False(result.Ok);
        Assert.Equal(new DateOnly(2026, 12, 2), _h.Requests.Find(r.Id)!.DueDate);
    }
}
