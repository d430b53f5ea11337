using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Retention;
using PdBot.Tests.Conversations;

namespace PdBot.Tests.Retention;

/// <summary>Purpose terms (policy 6.2.9): a consent with RetentionDays ends on its day, by the system, with an «expired» entry.</summary>
public sealed class PurposeTermTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private ConsentTermSweep Sweep => _host.Services.GetServices<IPurposeDataSweep>().OfType<ConsentTermSweep>().Single();

    private Task GiveConsultationConsentAsync() =>
        _host.Chat().Send("Записаться на консультацию").Press("☐ " + _host.Catalog.Consultation!.Label).Press("Отправить").SkipReplies().StartTestAsync();

    [Fact]
    public void Every_configured_purpose_has_a_machine_readable_term()
    {
        var terms = _host.Catalog.Purposes.ToDictionary(p => p.Id, p => (p.Term, p.RetentionDays));

        Assert.Equal((PurposeTerm.UntilWithdrawn, (int?)null), terms["mailing"]);
        Assert.Equal((PurposeTerm.Days, (int?)30), terms["consultation"]);
        Assert.Equal((PurposeTerm.UntilWithdrawn, (int?)null), terms["review"]);
        Assert.Equal((PurposeTerm.Contract, (int?)null), terms["patient"]);
    }

    [Fact]
    public void A_days_term_without_days_fails_at_start_up()
    {
        var purpose = new PurposeOptions { Id = "x", Title = "X", Label = "L", Text = "T", Term = PurposeTerm.Days };

        var error = Assert.Throws<InvalidOperationException>(() => new ConsentCatalog([purpose], new ConsentOptions { DefaultPurpose = "x", MailingPurpose = "x" }));

        Assert.Contains("RetentionDays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consultation_consent_ends_thirty_days_after_it_was_given_and_not_a_day_before()
    {
        await GiveConsultationConsentAsync();

        _host.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Sweep.RunAsync());
        Assert.Equal(ConsentState.Given, _host.StateOf("consultation"));

        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Sweep.RunAsync());
        Assert.Equal(0, await Sweep.RunAsync());

        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("consultation"));
        var entry = Assert.Single(_host.ConsentEvents(AuditEvents.Expired));
        Assert.Equal(("system", "consultation"), (entry.Actor, entry.PurposeId));
        Assert.Contains("30 дн.", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_shows_the_consent_ending_on_its_clinic_date()
    {
        await GiveConsultationConsentAsync();

        var item = Assert.Single(Sweep.Preview(_host.Clock.GetUtcNow().AddDays(31)));

        Assert.Equal(DateOnly.FromDateTime(_host.Clock.GetUtcNow().AddHours(3).AddDays(30).DateTime), item.Due);
        Assert.Equal("прекращение согласия", item.Action);
        Assert.Empty(Sweep.Preview(_host.Clock.GetUtcNow().AddDays(29)));
    }

    [Fact]
    public async Task Mailing_consents_have_no_term_and_never_expire()
    {
        await _host.GiveMailingConsentAsync();
        _host.Clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await Sweep.RunAsync());
        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
    }
}
