using PdBot.Core.Labels;
using PdBot.Core.Requests;

namespace PdBot.Tests.Russian;

/// <summary>Audit details stored in English by earlier versions (never rewritten: the chain covers them) read in Russian.</summary>
public sealed class RussianLabelsDetailTests
{
    [Theory]
    [InlineData("audit trail")]
    [InlineData("audit trail (kind=consent, person filter)")]
    [InlineData("audit trail CSV (kind=consent, channel=telegram)")]
    [InlineData("consent log (event=withdrawn, dates=2026-11-01..2026-11-30)")]
    [InlineData("request queue CSV (type=Access, state=AwaitingIdentity, closed)")]
    [InlineData("request 5")]
    [InlineData("request 5 StopProcessing: stop-processing request received")]
    [InlineData("request 3: destruction request approved")]
    [InlineData("request 7 Blocking: other basis: договор")]
    [InlineData("request 8 Correction: issuer: sha256 0a1b -> sha256 2c3d")]
    [InlineData("person timeline")]
    [InlineData("evidence pack zip")]
    [InlineData("login maria, role auditor")]
    [InlineData("login oleg")]
    [InlineData("5 failed attempts; locked for 15 minutes")]
    [InlineData("wrong password")]
    [InlineData("unknown login")]
    [InlineData("unsubscribe")]
    [InlineData("denied-messages")]
    public void An_old_english_detail_is_shown_in_russian(string stored)
    {
        var shown = RussianLabels.Detail(stored);

        Assert.Empty(LatinWords.In(shown, "maria", "oleg"));
    }

    [Fact]
    public void A_request_detail_names_the_number_the_type_and_the_step()
    {
        Assert.Equal(
            $"запрос № 5, {RequestTexts.Title(RequestType.StopProcessing)}: получен запрос о прекращении обработки",
            RussianLabels.Detail("request 5 StopProcessing: stop-processing request received"));
        Assert.Equal(RussianLabels.RequestDetailText(5, RequestType.StopProcessing, "получен запрос о прекращении обработки"),
            RussianLabels.Detail("request 5 StopProcessing: stop-processing request received"));
    }

    [Theory]
    [InlineData("акт об уничтожении по запросу № 4: субъект ab12")]
    [InlineData("something new")]
    public void A_detail_it_does_not_know_is_shown_as_stored(string stored) => Assert.Equal(stored, RussianLabels.Detail(stored));
}
