using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Conversation;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Tests.Conversations;

/// <summary>A stop-processing request names its purpose (or all of them); approval stops exactly those.</summary>
public sealed class StopProcessingFormTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private RequestService Service => _host.Services.GetRequiredService<RequestService>();

    [Fact]
    public async Task A_stop_processing_request_names_one_purpose_and_approval_stops_only_that_one()
    {
        var review = _host.Catalog.Get("review");
        await _host.GiveMailingConsentAsync();
        await _host.Chat().Send("Меню").SkipReplies().Press(BotTexts.GiveConsentPrefix + review.Title).SkipReplies()
            .Press("☐ " + review.Label).Press("Отправить").SkipReplies().StartTestAsync();

        await StopProcessingForm()
            .AssertReply(r =>
            {
                Assert.Contains("Для какой цели прекратить обработку?", r.Text, StringComparison.Ordinal);
                Assert.Equal([_host.Catalog.Mailing.Title, review.Title, RequestPrompts.AllPurposesButton, RequestPrompts.CancelButton], r.Buttons.Select(b => b.Label));
            })
            .Press(review.Title).AssertAnswer("").AssertReply("Ответим до")
            .StartTestAsync();

        var r = Assert.Single(Service.Queue());
        Assert.Equal(review.Id, r.PurposeId);
        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
        Assert.True((await Service.ConfirmIdentityAsync(r.Id, "anna")).Ok);
        Assert.True((await Service.ApproveAsync(r.Id, "anna")).Ok);
        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("review"));
        Assert.Equal(ConsentState.Given, _host.StateOf("mailing"));
    }

    [Fact]
    public async Task All_purposes_stops_the_mailing_on_receipt()
    {
        await _host.GiveMailingConsentAsync();

        await StopProcessingForm().SkipReplies().Press(RequestPrompts.AllPurposesButton).AssertAnswer("").AssertReply("Ответим до").StartTestAsync();

        var r = Assert.Single(Service.Queue());
        Assert.Null(r.PurposeId);
        Assert.Equal(ConsentState.Withdrawn, _host.StateOf("mailing"));
    }

    private Turns.TestFlow StopProcessingForm() => _host.Chat().Send("/privacy").SkipReplies()
        .Press(RequestTexts.Title(RequestType.StopProcessing)).Press("О себе").Press("Паспорт РФ").SkipReplies()
        .Send("4510 123456").Send("15.03.2019").Send("Отделом УФМС России по г. Москве").Send("договор 77").SkipReplies()
        .Send("Не хочу, чтобы мои данные обрабатывались");
}
