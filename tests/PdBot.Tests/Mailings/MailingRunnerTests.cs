using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Mailings;
using PdBot.Core.Audit;
using PdBot.Core.Mailings;
using PdBot.Tests.Telegram;
using static PdBot.Tests.Mailings.MailingTestData;

namespace PdBot.Tests.Mailings;

/// <summary>The runner in the real host: schedule, quiet hours, pause, cancel and completion, against the fake Bot API.</summary>
public sealed class MailingRunnerTests : IAsyncLifetime, IDisposable
{
    private static readonly MailingActor Admin = new("anna", IsAdmin: true);
    private readonly TempFolder _folder = new();
    private FakeTelegramServer _telegram = null!;
    private TelegramTestHost _host = null!;

    private IServiceProvider Services => _host.Services;

    private MailingService Service => Services.GetRequiredService<MailingService>();

    private MailingRunner Runner => Services.GetRequiredService<MailingRunner>();

    private IMailingStore Store => Services.GetRequiredService<IMailingStore>();

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();

        // 22:30 in Moscow: outside the default 09:00–21:00.
        var evening = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 19, 30, 0, TimeSpan.Zero));
        _host = await TelegramTestHost.StartAsync(_telegram, Path.Combine(_folder.Path, "pdbot.db"), clock: evening);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mailing_scheduled_in_quiet_hours_waits_for_the_morning_then_completes_with_its_ledger_hash_audited()
    {
        await PersonAsync(Services, "telegram", 301);
        await PersonAsync(Services, "telegram", 302, topics: ["news"]);
        var id = await ScheduledAsync();

        await Runner.RunOnceAsync(default);
        Assert.Equal(MailingState.Scheduled, Store.Find(id)!.State);
        Assert.Empty(MailingSends());

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero)); // 09:00 in Moscow
        await Runner.RunOnceAsync(default);

        var mailing = Store.Find(id)!;
        Assert.Equal((MailingState.Completed, 1), (mailing.State, mailing.Recipients)); // 302 follows only «news»
        Assert.Equal([301L], MailingSends().Select(c => c.ChatId!.Value));
        var completed = Services.GetRequiredService<IAuditLog>().ReadAll().Last(e => e.Kind == MailingEvents.Kind);
        Assert.Equal("completed", completed.Event);
        Assert.Equal(MailingLedger.Hash(Store.Deliveries(id)), MailingEvents.ParseLedgerDetail(completed.Detail)!.Value.Hash);
    }

    [Fact]
    public async Task A_paused_mailing_sends_nothing_until_resumed()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await PersonAsync(Services, "telegram", 401);
        var id = await ScheduledAsync();
        await Service.PauseAsync(id, Admin);

        await Runner.RunOnceAsync(default);
        Assert.Empty(MailingSends());

        await Service.ResumeAsync(id, Admin);
        await Runner.RunOnceAsync(default);
        Assert.Single(MailingSends());
        Assert.Equal(MailingState.Completed, Store.Find(id)!.State);
    }

    [Fact]
    public async Task A_mailing_cancelled_before_its_time_sends_nothing_and_is_never_started()
    {
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await PersonAsync(Services, "telegram", 501);
        var id = await ScheduledAsync(sendAt: _host.Clock.GetUtcNow().AddHours(2));
        await Service.CancelAsync(id, Admin);

        _host.Clock.Advance(TimeSpan.FromHours(3));
        await Runner.RunOnceAsync(default);

        Assert.Empty(MailingSends());
        Assert.Equal((MailingState.Cancelled, 0), (Store.Find(id)!.State, Store.Deliveries(id).Count));
    }

    private async Task<long> ScheduledAsync(DateTimeOffset? sendAt = null)
    {
        var created = await Service.CreateAsync(new MailingDraft(Text, Topic, ["telegram"], MailingKind.Informational, sendAt, []), Admin);
        Assert.Empty(created.Errors);
        Assert.Empty((await Service.SubmitAsync(created.Mailing!.Id, Admin)).Errors);
        return created.Mailing.Id;
    }

    private List<RecordedCall> MailingSends() =>
        [.. _telegram.CallsTo("sendMessage").Where(c => c.Text == Text)];
}
