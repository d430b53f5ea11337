using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;
using PdBot.Core.People;

namespace PdBot.Tests.Api;

public sealed class MailingsApiTests
{
    [Fact]
    public async Task Post_creates_and_schedules_the_mailing_and_get_shows_its_state_and_statistics()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Body(response);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/mailings/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Scheduled", created.GetProperty("state").GetString());
        Assert.Equal("запланирована", created.GetProperty("stateTitle").GetString());
        var stored = host.Mailings.Find(id)!;
        Assert.Equal(MailingState.Scheduled, stored.State);
        Assert.Equal("api:crm", stored.CreatedBy);
        Assert.Equal(["vk", "telegram"], stored.Channels);
        Assert.Equal(MailingKind.Advertising, stored.Kind);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(1).UtcDateTime, stored.SendAtUtc);
        Assert.Equal("https://example.org/zapis", Assert.Single(stored.Links).Url);

        var read = await Body(await host.Http.GetAsync(new Uri($"/api/v1/mailings/{id}", UriKind.Relative)));
        Assert.Equal("Scheduled", read.GetProperty("state").GetString());
        Assert.Equal("promo", read.GetProperty("topic").GetString());
        Assert.Equal("advertising", read.GetProperty("kind").GetString());
        Assert.Equal(0, read.GetProperty("statistics").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task Statistics_count_the_ledger_and_those_who_unsubscribed_within_72_hours()
    {
        await using var host = await ApiHost.StartAsync();
        var id = await CreateAsync(host);
        var service = host.Services.GetRequiredService<MailingService>();
        var sentAt = host.Clock.GetUtcNow().UtcDateTime;
        await service.StartAsync(host.Mailings.Find(id)!, [Row(id, "p1"), Row(id, "p2"), Row(id, "p3")]);
        var rows = host.Mailings.Deliveries(id);
        (rows[0].State, rows[0].AtUtc) = (MailingDeliveryState.Sent, sentAt);
        (rows[1].State, rows[1].AtUtc) = (MailingDeliveryState.Sent, sentAt);
        (rows[2].State, rows[2].Reason) = (MailingDeliveryState.Failed, MailingSkipReasons.BotBlocked);
        await host.Mailings.SaveDeliveriesAsync(rows);
        await WithdrawMailingConsentAsync(host, "p1", sentAt.AddHours(5));
        await WithdrawMailingConsentAsync(host, "p2", sentAt.AddHours(80));

        var statistics = (await Body(await host.Http.GetAsync(new Uri($"/api/v1/mailings/{id}", UriKind.Relative)))).GetProperty("statistics");

        Assert.Equal(3, statistics.GetProperty("recipients").GetInt32());
        Assert.Equal(2, statistics.GetProperty("sent").GetInt32());
        Assert.Equal(1, statistics.GetProperty("failed").GetInt32());
        Assert.Equal(1, statistics.GetProperty("failedBlocked").GetInt32());
        Assert.Equal(1, statistics.GetProperty("unsubscribedWithin72Hours").GetInt32());
    }

    [Fact]
    public async Task Cancel_cancels_the_mailing_and_a_second_cancel_is_a_409_problem()
    {
        await using var host = await ApiHost.StartAsync();
        var id = await CreateAsync(host);

        var first = await host.Http.PostAsync(new Uri($"/api/v1/mailings/{id}/cancel", UriKind.Relative), null);
        var second = await host.Http.PostAsync(new Uri($"/api/v1/mailings/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Cancelled", (await Body(first)).GetProperty("state").GetString());
        Assert.Equal(MailingState.Cancelled, host.Mailings.Find(id)!.State);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Contains("отменена", (await Body(second)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_four_eyes_the_created_mailing_waits_for_an_admin_and_says_so()
    {
        await using var host = await ApiHost.StartAsync("--Mailings:RequireApproval", "true");

        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));

        var body = await Body(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("AwaitingApproval", body.GetProperty("state").GetString());
        Assert.Equal("ждёт одобрения", body.GetProperty("stateTitle").GetString());
        Assert.True(body.GetProperty("awaitingApproval").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_id_and_another_keys_mailing_are_404_problems()
    {
        await using var host = await ApiHost.StartAsync();
        var theirs = await CreateAsync(host);
        var other = await host.Keys.CreateAsync("site", "mailings", "test");
        using var otherClient = host.Client(other.Secret);

        var unknown = await host.Http.GetAsync(new Uri("/api/v1/mailings/999", UriKind.Relative));
        var foreignRead = await otherClient.GetAsync(new Uri($"/api/v1/mailings/{theirs}", UriKind.Relative));
        var foreignCancel = await otherClient.PostAsync(new Uri($"/api/v1/mailings/{theirs}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, foreignRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCancel.StatusCode);
        Assert.Equal(MailingState.Scheduled, host.Mailings.Find(theirs)!.State);
    }

    [Fact]
    public async Task Every_call_is_audited_with_the_keys_name_and_the_mailing_entries_name_it_as_their_actor()
    {
        await using var host = await ApiHost.StartAsync();
        var id = await CreateAsync(host);
        await host.Http.GetAsync(new Uri($"/api/v1/mailings/{id}", UriKind.Relative));
        await host.Http.PostAsync(new Uri($"/api/v1/mailings/{id}/cancel", UriKind.Relative), null);
        await host.Http.GetAsync(new Uri("/api/v1/mailings/999", UriKind.Relative));

        var calls = host.CallEntries();
        Assert.All(calls, e => Assert.Equal("api:crm", e.Actor));
        Assert.Equal(
            [$"POST /api/v1/mailings → 201", $"GET /api/v1/mailings/{id} → 200", $"POST /api/v1/mailings/{id}/cancel → 200", "GET /api/v1/mailings/999 → 404"],
            calls.Select(e => e.Detail!.Split(':')[0]));
        Assert.Equal(["api-call", "api-call", "api-call", "api-refused"], calls.Select(e => e.Event));
        var mailingEntries = host.Audit.ReadAll().Where(e => e.Kind == MailingEvents.Kind).ToList();
        Assert.Equal(["created", "submitted", "cancelled"], mailingEntries.Select(e => e.Event));
        Assert.All(mailingEntries, e => Assert.Equal("api:crm", e.Actor));
        Assert.True(host.Audit.Verify().IsIntact);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, host.Keys.All().Single(k => k.Name == "crm").LastUsedAtUtc);
    }

    public static async Task<long> CreateAsync(ApiHost host)
    {
        var response = await host.Http.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Body(response)).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static MailingDelivery Row(long mailingId, string personId) => new()
    {
        Id = MailingDelivery.MakeId(mailingId, personId),
        MailingId = mailingId,
        PersonId = personId,
        Channel = "telegram",
    };

    private static Task WithdrawMailingConsentAsync(ApiHost host, string personId, DateTime at)
    {
        var purpose = host.Services.GetRequiredService<ConsentCatalog>().Mailing.Id;
        var person = new Person { Id = personId, Key = "telegram:" + personId, Channel = "telegram", PlatformUserId = personId, ChatId = personId };
        var record = new ConsentRecord { Id = ConsentRecord.MakeId(personId, purpose), PersonId = personId, PurposeId = purpose, State = ConsentState.Withdrawn, UpdatedAtUtc = at };
        return host.Services.GetRequiredService<IConsentStore>().SaveAsync(person, true, [record], Array.Empty<AuditEntry>());
    }
}
