using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Authority;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Unlawful;
using PdBot.Tests.Unlawful;

namespace PdBot.Tests.Stores.Host;

/// <summary>The console registers through their services on a whole host on PostgreSQL, across a restart.</summary>
public sealed class CaseRegistersOnPostgreSqlTests : IDisposable
{
    private readonly UnlawfulHost _h = new(host: PdBotTestHost.OnPostgreSql());

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task An_authority_request_linked_to_an_unlawful_case_survives_a_restart_and_the_chain_verifies()
    {
        var person = await _h.PersonAsync("200001", "mailing");
        var authority = _h.Host.Services.GetRequiredService<AuthorityService>();
        var (request, error) = await authority.RegisterAsync(new AuthorityRegistration(new DateOnly(2026, 11, 20), "01-23/4567", "сведения о субъекте", person.Id, null), "admin");
        Assert.True(request is not null, error);
        var @case = await _h.CaseAsync(person, new DateOnly(2026, 11, 23), request.Id);

        _h.Host.Restart();

        var stored = _h.Host.Services.GetRequiredService<IAuthorityStore>().Find(request.Id)!;
        Assert.Equal(("01-23/4567", person.Id, new DateOnly(2026, 12, 4)), (stored.IncomingNumber, stored.PersonId, stored.DueDate));
        var storedCase = _h.Service.Store.Find(@case.Id)!;
        Assert.Equal((request.Id, new DateOnly(2026, 11, 26)), (storedCase.AuthorityRequestId, storedCase.StopDue));
        Assert.Contains(_h.Host.Audit.ReadAll(), e => e.Kind == AuthorityEvents.Kind && e.Event == AuthorityEvents.Registered);
        Assert.True(_h.Host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task An_unlawful_case_destroys_the_persons_data_and_tells_them_on_PostgreSql()
    {
        var person = await _h.PersonAsync("200002", "mailing");
        var @case = await _h.CaseAsync(person);

        var done = await _h.Service.DestroyAsync(@case.Id, "admin");

        Assert.True(done.Ok, done.Message);
        Assert.Null(_h.Host.Store.FindPerson(UnlawfulHost.Channel, "200002"));
        Assert.Equal(ConsentState.Withdrawn, _h.Host.Store.RecordsOf(person.Id).Single().State);
        Assert.DoesNotContain(_h.Host.Audit.ReadAll(), e => e.UserId == "200002");
        var stored = _h.Service.Store.Find(@case.Id)!;
        Assert.Equal(UnlawfulState.Destroyed, stored.State);
        Assert.NotNull(stored.DestructionRequestId);
        Assert.Contains(_h.Host.Audit.ReadAll(), e => e.Event == RequestAction.Destroyed && e.Kind == RequestAction.RetentionKind);
        Assert.Equal("chat-200002", Assert.Single(_h.Outbox(), m => m.Kind == OutboxKind.RequestAnswer).ChatId);
        Assert.True(_h.Host.Audit.Verify().IsIntact);
    }
}
