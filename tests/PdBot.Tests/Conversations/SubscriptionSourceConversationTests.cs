using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Tests.Conversations;

/// <summary>The source of a subscription link is kept on the person (the first one) and on the consent given after it.</summary>
public sealed class SubscriptionSourceConversationTests : IDisposable
{
    private const string Box = ConsentSteps.MailingBox;
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static Activity Start(string source, string id) => Activity.Message("test", "u1", "/start", id) with { Source = source };

    [Fact]
    public async Task Start_with_a_source_still_starts_and_the_consent_and_its_entry_name_the_source()
    {
        await _host.Chat().Send(Start("poster", "s1"))
            .AssertReply(r => Assert.Contains(Box, r.Buttons.Select(b => b.Label)))
            .Press(Box).Press("Отправить").SkipReplies()
            .StartTestAsync();

        Assert.Equal("poster", _host.Store.FindPerson("test", "u1")!.Source);
        Assert.Equal((ConsentState.Given, "poster"), (_host.MailingRecord().State, _host.MailingRecord().Source));
        Assert.Equal("источник: poster", Assert.Single(_host.ConsentEvents(AuditEvents.Given)).Detail);
    }

    [Fact]
    public async Task The_first_source_stays_on_the_person_and_names_a_consent_given_later_from_the_menu()
    {
        await _host.Chat().Send(Start("poster", "s1")).SkipReplies().Press("Не согласен(на)").SkipReplies()
            .StartTestAsync();
        await _host.Chat().Send(Start("site", "s2")).SkipReplies()
            .Press("Подписаться на рассылку").Press(Box).Press("Отправить").SkipReplies()
            .StartTestAsync();

        Assert.Equal("poster", _host.Store.FindPerson("test", "u1")!.Source);
        Assert.Equal("poster", _host.MailingRecord().Source);
        Assert.Equal("источник: poster", Assert.Single(_host.ConsentEvents(AuditEvents.Given)).Detail);
    }

    [Fact]
    public async Task A_consent_given_without_any_link_has_no_source()
    {
        await _host.GiveMailingConsentAsync();

        Assert.Null(_host.Store.FindPerson("test", "u1")!.Source);
        Assert.Null(_host.MailingRecord().Source);
        Assert.Null(Assert.Single(_host.ConsentEvents(AuditEvents.Given)).Detail);
    }
}
