using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Authority;

namespace PdBot.Tests.Authority;

/// <summary>Roskomnadzor requests on the production calendar (policy 1.3.2), stored in LiteDB on disk.</summary>
public sealed class AuthorityRequestTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private AuthorityService Service => _host.Services.GetRequiredService<AuthorityService>();

    private async Task<AuthorityRequest> RegisterAsync(DateOnly received)
    {
        var (r, error) = await Service.RegisterAsync(new AuthorityRegistration(received, "01-23/4567", "сведения об обработке данных субъекта", null, null), "admin");
        Assert.True(r is not null, error);
        return r!;
    }

    [Fact]
    public async Task Request_received_before_the_New_Year_is_due_ten_working_days_later_counted_over_the_holidays()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero));

        var r = await RegisterAsync(new DateOnly(2026, 12, 28));

        // 29 and 30 December, then 31 December and 1–10 January are days off: the 10th working day is 20 January.
        Assert.Equal(new DateOnly(2027, 1, 20), Service.Store.Find(r.Id)!.DueDate);
        Assert.True(r.DueIsProvisional);
        Assert.Equal(AuthorityState.Received, Service.Store.Find(r.Id)!.State);
        Assert.Equal(10, Service.WorkingDaysLeft(r));
    }

    [Fact]
    public async Task Registration_is_audited_and_survives_a_restart()
    {
        var r = await RegisterAsync(new DateOnly(2026, 11, 20));

        _host.Restart();

        var stored = Service.Store.Find(r.Id)!;
        Assert.Equal(("01-23/4567", new DateOnly(2026, 12, 4)), (stored.IncomingNumber, stored.DueDate));
        var entry = Assert.Single(_host.Audit.ReadAll(), e => e.Kind == AuthorityEvents.Kind);
        Assert.Equal((AuthorityEvents.Registered, "admin"), (entry.Event, entry.Actor));
        Assert.Contains($"№ {r.Id}", entry.Detail, StringComparison.Ordinal);
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Term_is_extended_once_by_at_most_five_working_days_with_a_reason_and_a_second_extension_is_refused()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero));
        var r = await RegisterAsync(new DateOnly(2026, 12, 28));

        var noReason = await Service.ExtendAsync(r.Id, 5, " ", "admin");
        var tooLong = await Service.ExtendAsync(r.Id, 6, "нужны сведения от филиала", "admin");
        Assert.False(noReason.Ok);
        Assert.Contains("причин", noReason.Message, StringComparison.Ordinal);
        Assert.False(tooLong.Ok);
        Assert.Equal(AuthorityState.Received, Service.Store.Find(r.Id)!.State);

        var extended = await Service.ExtendAsync(r.Id, 5, "нужны сведения от филиала", "admin");
        Assert.True(extended.Ok, extended.Message);
        var stored = Service.Store.Find(r.Id)!;
        Assert.Equal((AuthorityState.Extended, new DateOnly(2027, 1, 27), "нужны сведения от филиала"), (stored.State, stored.DueDate, stored.ExtensionReason));

        var again = await Service.ExtendAsync(r.Id, 1, "ещё нужно время", "admin");
        Assert.False(again.Ok);
        Assert.Contains("только один раз", again.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 27), Service.Store.Find(r.Id)!.DueDate);
        Assert.Single(_host.Audit.ReadAll(), e => e.Kind == AuthorityEvents.Kind && e.Event == AuthorityEvents.Extended);
    }

    [Fact]
    public async Task Answer_records_its_date_way_and_outgoing_number_and_closes_the_request()
    {
        var r = await RegisterAsync(new DateOnly(2026, 11, 20));

        var missing = await Service.AnswerAsync(r.Id, new AuthorityAnswer(new DateOnly(2026, 11, 23), "через личный кабинет", null), "admin");
        Assert.False(missing.Ok);
        var done = await Service.AnswerAsync(r.Id, new AuthorityAnswer(new DateOnly(2026, 11, 23), "через личный кабинет", "исх-77"), "admin");

        Assert.True(done.Ok, done.Message);
        var stored = Service.Store.Find(r.Id)!;
        Assert.Equal((AuthorityState.Answered, new DateOnly(2026, 11, 23), "через личный кабинет", "исх-77"), (stored.State, stored.AnsweredOn, stored.AnswerMethod, stored.OutgoingNumber));
        Assert.False((await Service.ExtendAsync(r.Id, 2, "поздно", "admin")).Ok);
    }

    [Fact]
    public async Task Registration_without_number_or_with_a_future_date_is_refused_in_Russian_and_nothing_is_stored()
    {
        var noNumber = await Service.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), " ", "сведения", null, null), "admin");
        var future = await Service.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 30), "1", "сведения", null, null), "admin");
        var nobody = await Service.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "1", "сведения", "no-such-person", null), "admin");

        Assert.Equal("Укажите входящий номер запроса.", noNumber.Error);
        Assert.Contains("позже сегодняшней", future.Error, StringComparison.Ordinal);
        Assert.Equal("Субъекта с таким идентификатором нет.", nobody.Error);
        Assert.Empty(Service.Store.All());
    }
}
