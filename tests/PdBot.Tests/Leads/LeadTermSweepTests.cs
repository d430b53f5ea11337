using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Leads;
using PdBot.Core.Requests;

namespace PdBot.Tests.Leads;

/// <summary>
/// The consultation consent's term («до проведения консультации, но не более 30 дней»): a request's data go 30 days
/// after it was sent or once it is closed, whichever is first, each with a destruction act.
/// </summary>
public sealed class LeadTermSweepTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_request_is_destroyed_on_day_30_and_not_on_day_29_with_the_destruction_act()
    {
        await _host.SubmitAsync();
        var lead = Assert.Single(_host.LeadsOf());

        _host.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Contains(_host.Sweep().Preview(_host.Clock.GetUtcNow().AddDays(1)), i => i.What == $"заявка на консультацию № {lead.Id}");
        Assert.Equal(0, await _host.Sweep().RunAsync());
        Assert.Equal("+79991234567", _host.Leads().Find(lead.Id)!.Phone);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _host.Sweep().RunAsync());

        var kept = _host.Leads().Find(lead.Id)!;
        Assert.Equal((null, null, null, null, null), (kept.Name, kept.Phone, kept.Day, kept.Time, kept.Direction));
        Assert.Equal(lead.Id, kept.Id);
        Assert.NotNull(kept.DestroyedAtUtc);
        var act = Assert.Single(_host.Audit.ReadAll(), e => e.Kind == RequestAction.RetentionKind && e.Event == RequestAction.Destroyed);
        Assert.StartsWith($"акт об уничтожении данных заявки на консультацию № {lead.Id}: субъект {lead.PersonId}; категории: имя; номер телефона", act.Detail, StringComparison.Ordinal);
        Assert.Contains("способ: стирание из базы данных; причина: истёк срок: 30 дн.", act.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Анна", act.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Sweep().RunAsync());
    }

    [Fact]
    public async Task A_closed_request_is_destroyed_at_once()
    {
        await _host.SubmitAsync();
        var lead = Assert.Single(_host.LeadsOf());
        var service = _host.Services.GetRequiredService<LeadService>();

        Assert.True(await service.ActAsync(lead.Id, LeadTrigger.Close, "oleg"));
        Assert.Equal(1, await _host.Sweep().RunAsync());

        var kept = _host.Leads().Find(lead.Id)!;
        Assert.Equal((LeadState.Closed, null), (kept.State, kept.Phone));
        Assert.Contains(_host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed && e.Detail!.Contains("заявка закрыта", StringComparison.Ordinal));
        Assert.Contains(_host.Audit.ReadAll(), e => e.Kind == LeadEvents.Kind && e.Event == LeadEvents.Closed && e.Actor == "oleg");
    }

    [Fact]
    public async Task A_request_whose_consent_was_withdrawn_is_closed_and_destroyed()
    {
        await _host.SubmitAsync();
        var withdraw = Bot.Conversation.BotTexts.WithdrawConsentPrefix + _host.Catalog.Get("consultation").Title;
        await _host.Chat().Send(withdraw).SkipReplies().StartTestAsync();

        Assert.Equal(1, await _host.Sweep().RunAsync());

        var kept = Assert.Single(_host.LeadsOf());
        Assert.Equal((LeadState.Closed, null), (kept.State, kept.Name));
    }

    [Fact]
    public async Task Erasing_a_person_erases_their_requests_data()
    {
        await _host.SubmitAsync();
        var lead = Assert.Single(_host.LeadsOf());
        var storage = _host.Services.GetRequiredService<LiteDbStorage>();
        var eraser = _host.Services.GetServices<IPersonDataEraser>().OfType<LiteLeadStore>().Single();

        await storage.Writer.WriteAsync(db => eraser.EraseOnWriterThread(db, new PersonErasure(lead.PersonId, Identifiers: false)));

        var kept = _host.Leads().Find(lead.Id)!;
        Assert.Equal((LeadState.Closed, null, null), (kept.State, kept.Name, kept.Phone));
        Assert.NotNull(kept.DestroyedAtUtc);
    }

    [Fact]
    public async Task The_access_answer_lists_the_persons_own_request_in_full()
    {
        await _host.SubmitAsync();
        var lead = Assert.Single(_host.LeadsOf());
        var section = _host.Services.GetServices<IAccessReportSection>().OfType<LeadAccessSection>().Single();

        var text = section.Describe(lead.PersonId);

        Assert.Contains($"№ {lead.Id}", text, StringComparison.Ordinal);
        Assert.Contains("+7 999 123-45-67", text, StringComparison.Ordinal);
        Assert.Contains("имя Анна", text, StringComparison.Ordinal);
        Assert.Null(section.Describe("nobody"));
    }
}
