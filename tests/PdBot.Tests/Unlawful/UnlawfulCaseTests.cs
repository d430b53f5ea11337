using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Authority;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Unlawful;

/// <summary>Operator-found unlawful processing (policy 6.2.8, 6.2.11): terms, the person's notice, real destruction, the block.</summary>
public sealed class UnlawfulCaseTests : IDisposable
{
    private readonly UnlawfulHost _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Case_found_on_Monday_must_stop_in_three_working_days_and_destroy_in_ten()
    {
        var person = await _h.PersonAsync("100001", "mailing");

        var c = await _h.CaseAsync(person, new DateOnly(2026, 11, 23));

        var stored = _h.Service.Store.Find(c.Id)!;
        Assert.Equal((UnlawfulState.Detected, new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 7)), (stored.State, stored.StopDue, stored.DestroyDue));
        Assert.Equal(("прекратить обработку", new DateOnly(2026, 11, 26)), UnlawfulService.NextDue(stored));
        var entry = Assert.Single(_h.Host.Audit.ReadAll(), e => e.Kind == UnlawfulEvents.Kind);
        Assert.Equal((UnlawfulEvents.Registered, person.Id), (entry.Event, entry.PersonId));
    }

    [Fact]
    public async Task Remedy_needs_what_was_done_and_tells_the_person_through_their_channel()
    {
        var person = await _h.PersonAsync("100002", "mailing");
        var c = await _h.CaseAsync(person);
        Assert.True((await _h.Service.StopAsync(c.Id, null, "admin")).Ok);

        var blank = await _h.Service.RemedyAsync(c.Id, "", "admin");
        Assert.False(blank.Ok);
        Assert.Equal(UnlawfulState.Stopped, _h.Service.Store.Find(c.Id)!.State);

        var done = await _h.Service.RemedyAsync(c.Id, "получено согласие на рассылку", "admin");

        Assert.True(done.Ok, done.Message);
        Assert.Equal(UnlawfulState.Remedied, _h.Service.Store.Find(c.Id)!.State);
        var notice = Assert.Single(_h.Outbox(), m => m.Kind == UnlawfulEvents.NoticeKind);
        Assert.Equal("chat-100002", notice.ChatId);
        Assert.Contains("рассылка без действующего согласия", notice.Text, StringComparison.Ordinal);
        Assert.Contains("получено согласие на рассылку", notice.Text, StringComparison.Ordinal);
        Assert.Contains("6.2.8", notice.Text, StringComparison.Ordinal);
        Assert.False((await _h.Service.DestroyAsync(c.Id, "admin")).Ok);
    }

    [Fact]
    public async Task Destruction_really_erases_the_persons_data_withdraws_consents_and_tells_the_person()
    {
        var person = await _h.PersonAsync("100003", "mailing");
        var c = await _h.CaseAsync(person);

        var done = await _h.Service.DestroyAsync(c.Id, "admin");

        Assert.True(done.Ok, done.Message);
        var erased = _h.Host.Store.FindPersonById(person.Id)!;
        Assert.True(string.IsNullOrEmpty(erased.PlatformUserId) && string.IsNullOrEmpty(erased.ChatId));
        Assert.NotNull(erased.ErasedAtUtc);
        Assert.Null(_h.Host.Store.FindPerson(UnlawfulHost.Channel, "100003"));
        Assert.Equal(ConsentState.Withdrawn, _h.Host.Store.RecordsOf(person.Id).Single().State);
        Assert.DoesNotContain(_h.Host.Audit.ReadAll(), e => e.UserId == "100003");
        var stored = _h.Service.Store.Find(c.Id)!;
        Assert.Equal(UnlawfulState.Destroyed, stored.State);
        Assert.NotNull(stored.DestructionRequestId);
        var act = Assert.Single(_h.Host.Audit.ReadAll(), e => e.Event == PdBot.Core.Requests.RequestAction.Destroyed && e.Kind == PdBot.Core.Requests.RequestAction.RetentionKind);
        Assert.Contains($"случай № {c.Id}", act.Detail, StringComparison.Ordinal);
        var notice = Assert.Single(_h.Outbox(), m => m.Kind == OutboxKind.RequestAnswer);
        Assert.Equal("chat-100003", notice.ChatId);
        Assert.Contains("данные уничтожены", notice.Text, StringComparison.Ordinal);
        Assert.Contains("6.2.8", notice.Text, StringComparison.Ordinal);
        Assert.True(_h.Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Block_when_destruction_is_impossible_in_time_blocks_the_person_for_six_calendar_months_and_destruction_stays_possible()
    {
        var person = await _h.PersonAsync("100004", "mailing");
        var c = await _h.CaseAsync(person);

        Assert.False((await _h.Service.BlockAsync(c.Id, " ", "admin")).Ok);
        var blocked = await _h.Service.BlockAsync(c.Id, "данные в резервной копии, уничтожаются при её ротации", "admin");

        Assert.True(blocked.Ok, blocked.Message);
        var stored = _h.Service.Store.Find(c.Id)!;
        Assert.Equal((UnlawfulState.Blocked, new DateOnly(2026, 11, 23), new DateOnly(2027, 5, 23)), (stored.State, stored.BlockedOn, stored.DestroyBlockedBy));
        Assert.Equal(("уничтожить заблокированные данные", new DateOnly(2027, 5, 23)), UnlawfulService.NextDue(stored));
        var p = _h.Host.Store.FindPersonById(person.Id)!;
        Assert.True(p.Blocked);
        Assert.False(p.MayProcess());
        Assert.Equal([UnlawfulTrigger.Destroy], new UnlawfulMachine(stored).Actions);
        Assert.Contains(_h.Host.Audit.ReadAll(), e => e.Kind == UnlawfulEvents.Kind && e.Event == UnlawfulEvents.Blocked && e.PersonId == person.Id);
        await _h.Host.Chat("100004").Send("Меню").AssertReply("заблокирована").StartTestAsync();

        Assert.True((await _h.Service.DestroyAsync(c.Id, "admin")).Ok);
        Assert.NotNull(_h.Host.Store.FindPersonById(person.Id)!.ErasedAtUtc);
    }

    [Fact]
    public async Task Case_for_an_unknown_person_or_without_description_is_refused_and_nothing_is_stored()
    {
        var person = await _h.PersonAsync("100005");

        var nobody = await _h.Service.RegisterAsync(new UnlawfulRegistration("no-such", "что-то", null, null), "admin");
        var empty = await _h.Service.RegisterAsync(new UnlawfulRegistration(person.Id, " ", null, null), "admin");
        var noRequest = await _h.Service.RegisterAsync(new UnlawfulRegistration(person.Id, "что-то", null, 99), "admin");

        Assert.Equal("Субъекта с таким идентификатором нет.", nobody.Error);
        Assert.NotNull(empty.Error);
        Assert.Equal("Запроса Роскомнадзора № 99 нет.", noRequest.Error);
        Assert.Empty(_h.Service.Store.All());
    }

    [Fact]
    public async Task Case_from_an_authority_request_prepares_the_notice_to_the_authority_and_reminds_operators_to_send_it()
    {
        using var h = new UnlawfulHost(new() { ["Requests:AdminChannel"] = "test", ["Requests:AdminChatId"] = "admins" });
        var (request, _) = await h.Host.Services.GetRequiredService<AuthorityService>()
            .RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "вх-5", "проверка рассылки", null, null), "admin");
        var person = await h.PersonAsync("100006", "mailing");
        var c = await h.CaseAsync(person, authorityRequestId: request!.Id);

        Assert.True((await h.Service.RemedyAsync(c.Id, "рассылка остановлена, получено согласие", "admin")).Ok);

        var notice = UnlawfulTexts.ToAuthority(h.Service.Store.Find(c.Id)!);
        Assert.Contains($"запросом № {request.Id}", notice, StringComparison.Ordinal);
        Assert.Contains("нарушения устранены", notice, StringComparison.Ordinal);
        var reminder = Assert.Single(h.Outbox(), m => m.ChatId == "admins");
        Assert.Contains($"уведомите Роскомнадзор по запросу № {request.Id}", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Id, reminder.Text, StringComparison.Ordinal);
    }
}
