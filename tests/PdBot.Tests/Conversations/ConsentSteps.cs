using PdBot.Core.Consent;

namespace PdBot.Tests.Conversations;

/// <summary>Steps the consent conversation tests share: giving the mailing consent, reading a stored state.</summary>
public static class ConsentSteps
{
    public const string MailingBox = "☐ Согласен(на) на рассылку";

    public static Task GiveMailingConsentAsync(this PdBotTestHost host, string user = "u1") =>
        host.Chat(user).Send("/start").Press(MailingBox).Press("Отправить").SkipReplies().StartTestAsync();

    /// <summary>The stored mailing consent of <paramref name="user"/> (who must have one).</summary>
    public static ConsentRecord MailingRecord(this PdBotTestHost host, string user = "u1") =>
        host.Store.RecordsOf(host.Store.FindPerson("test", user)!.Id).Single(r => r.PurposeId == host.Catalog.Mailing.Id);

    public static ConsentState StateOf(this PdBotTestHost host, string purpose, string user = "u1")
    {
        var person = host.Store.FindPerson("test", user);
        return person is null ? ConsentState.NotAsked
            : host.Store.RecordsOf(person.Id).SingleOrDefault(r => r.PurposeId == purpose)?.State ?? ConsentState.NotAsked;
    }
}
