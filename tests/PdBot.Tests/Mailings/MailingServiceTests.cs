using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Mailings;

public sealed class MailingServiceTests : IDisposable
{
    private static readonly MailingActor Operator = new("oleg", IsAdmin: false);
    private static readonly MailingActor Admin = new("anna", IsAdmin: true);
    private static readonly MailingActor SecondAdmin = new("boris", IsAdmin: true);

    private readonly PdBotTestHost _host = new();

    private MailingService Service => _host.Services.GetRequiredService<MailingService>();

    private IMailingStore Store => _host.Services.GetRequiredService<IMailingStore>();

    public void Dispose() => _host.Dispose();

    private static MailingDraft Draft(string text = "Скидка 20 % на check-up до конца декабря", string topic = "promo", string[]? channels = null, DateTimeOffset? sendAt = null, MailingLink[]? links = null) =>
        new(text, topic, channels ?? [MailingChannels.Vk, MailingChannels.Telegram], MailingKind.Advertising, sendAt, links ?? []);

    [Fact]
    public async Task A_created_mailing_is_a_draft_with_an_audit_entry_naming_its_author()
    {
        var created = await Service.CreateAsync(Draft(), Operator);

        Assert.True(created.Ok);
        var stored = Store.Find(created.Mailing!.Id)!;
        Assert.Equal(MailingState.Draft, stored.State);
        var entry = Assert.Single(_host.Audit.ReadAll(), e => e.Kind == MailingEvents.Kind);
        Assert.Equal((MailingEvents.Created, "oleg"), (entry.Event, entry.Actor));
        Assert.Contains($"№ {stored.Id}", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_the_Telegram_limit_is_refused_only_when_Telegram_is_chosen()
    {
        var text = new string('а', 5000);

        var both = await Service.CreateAsync(Draft(text), Operator);
        var vkOnly = await Service.CreateAsync(Draft(text, channels: [MailingChannels.Vk]), Operator);

        Assert.False(both.Ok);
        Assert.Contains(both.Errors, e => e.Contains("Telegram", StringComparison.Ordinal) && e.Contains("4096", StringComparison.Ordinal));
        Assert.True(vkOnly.Ok);
        Assert.Single(Store.All());
    }

    [Fact]
    public async Task Unknown_topic_bad_link_and_past_time_are_each_explained()
    {
        var result = await Service.CreateAsync(
            Draft(topic: "nope", sendAt: _host.Clock.GetUtcNow().AddHours(-1), links: [new MailingLink { Label = "Сайт", Url = "javascript:alert(1)" }]),
            Operator);

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Contains("тема", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(result.Errors, e => e.Contains("Сайт", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("прошло", StringComparison.Ordinal));
        Assert.Empty(Store.All());
    }

    [Fact]
    public async Task A_topic_may_be_named_by_its_title()
    {
        var created = await Service.CreateAsync(Draft(topic: "«Новости клиники»", channels: ["VK"]), Operator);

        Assert.Equal(("news", MailingChannels.Vk), (created.Mailing!.Topic, Assert.Single(created.Mailing.Channels)));
    }

    [Fact]
    public async Task Without_four_eyes_a_submitted_draft_is_scheduled()
    {
        var id = (await Service.CreateAsync(Draft(), Operator)).Mailing!.Id;

        var submitted = await Service.SubmitAsync(id, Operator);

        Assert.Equal(MailingState.Scheduled, submitted.Mailing!.State);
    }

    [Fact]
    public async Task With_four_eyes_an_admin_other_than_the_author_approves()
    {
        using var host = new PdBotTestHost(new() { ["Mailings:RequireApproval"] = "true" });
        var service = host.Services.GetRequiredService<MailingService>();
        var id = (await service.CreateAsync(Draft(), Admin)).Mailing!.Id;
        Assert.Equal(MailingState.AwaitingApproval, (await service.SubmitAsync(id, Admin)).Mailing!.State);

        var byOperator = await service.ApproveAsync(id, Operator);
        var byAuthor = await service.ApproveAsync(id, Admin);
        var bySecond = await service.ApproveAsync(id, SecondAdmin);

        Assert.False(byOperator.Ok);
        Assert.False(byAuthor.Ok);
        Assert.True(bySecond.Ok);
        Assert.Equal((MailingState.Scheduled, "boris"), (bySecond.Mailing!.State, bySecond.Mailing.ApprovedBy));
        Assert.Contains(host.Audit.ReadAll(), e => e.Kind == MailingEvents.Kind && e.Event == "approved" && e.Actor == "boris");
    }

    [Fact]
    public async Task Only_a_draft_can_be_edited()
    {
        var id = (await Service.CreateAsync(Draft(), Operator)).Mailing!.Id;
        await Service.SubmitAsync(id, Operator);

        var edited = await Service.UpdateAsync(id, Draft("Другой текст"), Operator);

        Assert.False(edited.Ok);
        Assert.Equal("Скидка 20 % на check-up до конца декабря", Store.Find(id)!.Text);
    }

    [Fact]
    public async Task Sending_pauses_and_resumes_and_a_trigger_that_does_not_fit_is_refused()
    {
        var mailing = await ScheduledAsync();
        await Service.StartAsync(mailing, [Row(mailing.Id, "p1")]);

        Assert.False((await Service.ResumeAsync(mailing.Id, Operator)).Ok);
        Assert.Equal(MailingState.Paused, (await Service.PauseAsync(mailing.Id, Operator)).Mailing!.State);
        Assert.Equal(MailingState.Sending, (await Service.ResumeAsync(mailing.Id, Operator)).Mailing!.State);
    }

    [Fact]
    public async Task Cancelling_marks_the_recipients_not_tried_yet_as_cancelled()
    {
        var mailing = await ScheduledAsync();
        await Service.StartAsync(mailing, [Row(mailing.Id, "p1"), Row(mailing.Id, "p2")]);
        var sent = Store.FindDelivery(mailing.Id, "p1")!;
        (sent.State, sent.AtUtc) = (MailingDeliveryState.Sent, _host.Clock.GetUtcNow().UtcDateTime);
        await Store.SaveDeliveriesAsync([sent]);

        await Service.CancelAsync(mailing.Id, Operator);

        Assert.Equal(MailingDeliveryState.Sent, Store.FindDelivery(mailing.Id, "p1")!.State);
        Assert.Equal(MailingDeliveryState.Cancelled, Store.FindDelivery(mailing.Id, "p2")!.State);
    }

    [Fact]
    public async Task Finishing_records_the_ledger_hash_in_the_audit_trail()
    {
        var mailing = await ScheduledAsync();
        await Service.StartAsync(mailing, [Row(mailing.Id, "p1")]);
        Assert.False((await Service.FinishAsync(mailing.Id)).Ok); // p1 is still pending
        var row = Store.FindDelivery(mailing.Id, "p1")!;
        (row.State, row.AtUtc, row.PlatformMessageId) = (MailingDeliveryState.Sent, _host.Clock.GetUtcNow().UtcDateTime, "501");
        await Store.SaveDeliveriesAsync([row]);

        var finished = await Service.FinishAsync(mailing.Id);

        Assert.Equal(MailingState.Completed, finished.Mailing!.State);
        var entry = _host.Audit.ReadAll().Last(e => e.Kind == MailingEvents.Kind);
        Assert.Equal("completed", entry.Event);
        var ledger = MailingEvents.ParseLedgerDetail(entry.Detail);
        Assert.Equal((mailing.Id, MailingLedger.Hash(Store.Deliveries(mailing.Id)), 1), ledger);
    }

    [Fact]
    public void The_ledger_hash_changes_when_a_row_changes()
    {
        var row = Row(7, "p1");
        var before = MailingLedger.Hash([row]);
        row.PlatformMessageId = "42";

        Assert.NotEqual(before, MailingLedger.Hash([row]));
        Assert.Equal(MailingLedger.Hash([row, Row(7, "p2")]), MailingLedger.Hash([Row(7, "p2"), row]));
    }

    [Fact]
    public async Task Statistics_count_unsubscribes_within_72_hours_of_receiving()
    {
        var mailing = await ScheduledAsync();
        await Service.StartAsync(mailing, [Row(mailing.Id, "soon"), Row(mailing.Id, "late"), Row(mailing.Id, "skipped")]);
        var sentAt = _host.Clock.GetUtcNow().UtcDateTime;
        var rows = Store.Deliveries(mailing.Id);
        foreach (var r in rows)
        {
            (r.State, r.AtUtc) = r.PersonId == "skipped" ? (MailingDeliveryState.Skipped, sentAt) : (MailingDeliveryState.Sent, sentAt);
        }

        await Store.SaveDeliveriesAsync(rows);
        var withdrawals = new Dictionary<string, DateTime> { ["soon"] = sentAt.AddHours(71), ["late"] = sentAt.AddHours(73) };

        var stats = Service.Statistics(mailing.Id, p => withdrawals.TryGetValue(p, out var at) ? at : null);

        Assert.Equal((3, 2, 1, 1), (stats.Recipients, stats.Sent, stats.Skipped, stats.UnsubscribedWithin72Hours));
    }

    private async Task<Mailing> ScheduledAsync()
    {
        var id = (await Service.CreateAsync(Draft(), Operator)).Mailing!.Id;
        return (await Service.SubmitAsync(id, Operator)).Mailing!;
    }

    private static MailingDelivery Row(long mailingId, string personId) => new()
    {
        Id = MailingDelivery.MakeId(mailingId, personId),
        MailingId = mailingId,
        PersonId = personId,
        Channel = MailingChannels.Telegram,
    };
}
