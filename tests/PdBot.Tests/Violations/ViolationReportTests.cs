using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation.Intents;
using PdBot.Bot.Conversation.Violations;
using PdBot.Core.Alerts;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;
using PdBot.Tests.Conversations;
using PdBot.Tests.Turns;

namespace PdBot.Tests.Violations;

/// <summary>
/// «Сообщить о нарушении» in the chat (and «мои данные утекли»…): a person without any consent reports, an incident
/// candidate is stored and operators are alerted at once (LiteDB on disk, the admin chat on the test channel).
/// </summary>
public sealed class ViolationReportTests : IDisposable
{
    private readonly PdBotTestHost _host = new(new() { ["Requests:AdminChannel"] = "test", ["Requests:AdminChatId"] = "admins" });

    public void Dispose() => _host.Dispose();

    private IIncidentStore Incidents => _host.Services.GetRequiredService<IIncidentStore>();

    private List<OutboxMessage> AdminAlerts() =>
        [.. _host.Services.GetRequiredService<IOutbox>().Pending("test").Where(m => m.ChatId == "admins" && m.Kind == OutboxKind.OperatorAlert)];

    private static string LastText(TestAdapter adapter) => adapter.Sent.Values.Last().Text;

    [Fact]
    public async Task Report_from_the_privacy_menu_without_any_consent_opens_an_incident_candidate_and_alerts_operators()
    {
        var adapter = _host.NewAdapter();
        await new TestFlow(adapter, _host.Bot)
            .Send("/privacy").AssertReply(r => Assert.Contains(ViolationTexts.Button, r.Buttons.Select(b => b.Label)))
            .Press(ViolationTexts.Button).SkipReplies()
            .StartTestAsync();
        Assert.Contains("что произошло", LastText(adapter), StringComparison.Ordinal);
        Assert.Empty(Incidents.List());

        await new TestFlow(adapter, _host.Bot).Send("Нашёл свою медкарту в открытом доступе по ссылке на сайте клиники").SkipReplies().StartTestAsync();

        var incident = Assert.Single(Incidents.List());
        var person = _host.Store.FindPerson("test", "u1")!;
        Assert.Equal((IncidentSource.ChatReport, IncidentState.Candidate, person.Id), (incident.Source, incident.State, incident.ReporterPersonId));
        Assert.Contains("медкарту в открытом доступе", incident.Summary, StringComparison.Ordinal);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, incident.DetectedAtUtc);
        var reply = LastText(adapter);
        Assert.Contains($"инцидент № {incident.Id}", reply, StringComparison.Ordinal);
        Assert.Contains("24 час", reply, StringComparison.Ordinal);
        Assert.Contains("Роскомнадзор", reply, StringComparison.Ordinal);
        Assert.Contains("6.2.8", reply, StringComparison.Ordinal);
        var alert = Assert.Single(_host.Services.GetRequiredService<AlertBoard>().Open(), a => a.Kind == AlertKinds.IncidentReported);
        Assert.Equal($"incident-{incident.Id}", alert.Key);
        var message = Assert.Single(AdminAlerts());
        Assert.Contains($"инцидент № {incident.Id}", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("медкарт", message.Text, StringComparison.Ordinal);
        Assert.Empty(_host.Store.RecordsOf(person.Id));
    }

    [Theory]
    [InlineData("мои данные утекли")]
    [InlineData("Утечка данных!")]
    [InlineData("кажется, мои данные слили")]
    [InlineData("нарушение персональных данных")]
    [InlineData("Сообщить о нарушении")]
    public async Task A_typed_phrase_about_a_leak_starts_the_report(string phrase)
    {
        var adapter = _host.NewAdapter();

        await new TestFlow(adapter, _host.Bot).Send(phrase).SkipReplies().Send("Мой телефон и имя опубликованы в чате").SkipReplies().StartTestAsync();

        Assert.Single(Incidents.List());
        Assert.Single(AdminAlerts());
    }

    [Fact]
    public async Task Cancel_records_nothing_and_alerts_nobody()
    {
        var adapter = _host.NewAdapter();

        await new TestFlow(adapter, _host.Bot).Send("мои данные утекли").SkipReplies().Press(ViolationTexts.CancelButton).SkipReplies().StartTestAsync();
        Assert.Contains(ViolationTexts.Cancelled, LastText(adapter), StringComparison.Ordinal);
        await new TestFlow(adapter, _host.Bot).Send("мои данные утекли").SkipReplies().Send("Отмена").SkipReplies().StartTestAsync();

        Assert.Contains(ViolationTexts.Cancelled, LastText(adapter), StringComparison.Ordinal);
        Assert.Empty(Incidents.List());
        Assert.Empty(AdminAlerts());
    }

    [Theory]
    [InlineData("мои данные утекли", ChatIntent.Violation)]
    [InlineData("утечка данных", ChatIntent.Violation)]
    [InlineData("мои данные слили", ChatIntent.Violation)]
    [InlineData("нарушение персональных данных", ChatIntent.Violation)]
    [InlineData("мои данные", ChatIntent.None)]
    [InlineData("отзываю согласие на обработку моих персональных данных", ChatIntent.None)]
    [InlineData("не обрабатывайте мои данные", ChatIntent.None)]
    [InlineData("хочу записаться на консультацию", ChatIntent.Booking)]
    public void Phrasings_are_recognised_and_a_withdrawal_is_not_taken_for_a_report(string text, ChatIntent expected) =>
        Assert.Equal(expected, ChatIntents.Classify(text));

    [Fact]
    public async Task A_withdrawal_phrase_is_handled_as_a_withdrawal_not_as_a_report()
    {
        await _host.GiveMailingConsentAsync();

        await _host.Chat().Send("Отписаться от рассылки").SkipReplies().StartTestAsync();

        Assert.Empty(Incidents.List());
        Assert.Equal(PdBot.Core.Consent.ConsentState.Withdrawn, _host.StateOf("mailing"));
    }
}
