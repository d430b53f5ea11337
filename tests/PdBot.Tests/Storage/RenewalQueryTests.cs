using PdBot.Adapters.LiteDb;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Storage;

/// <summary>The start-up renewal check's query, against a real file.</summary>
public sealed class RenewalQueryTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => _tmp.File("pdbot.db");

    [Fact]
    public async Task Given_consents_of_other_text_versions_are_found_by_index_and_the_current_ones_are_not()
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = Db });
        var store = new LiteConsentStore(storage, new LiteAuditLog(storage), TimeProvider.System);
        var time = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        (string User, string Purpose, int Version, ConsentState State)[] rows =
        [
            ("old", "mailing", 1, ConsentState.Given), ("current", "mailing", 2, ConsentState.Given), ("newer", "mailing", 12, ConsentState.Given),
            ("withdrawn", "mailing", 1, ConsentState.Withdrawn), ("other", "consultation", 1, ConsentState.Given),
        ];
        foreach (var (user, purpose, version, state) in rows)
        {
            var person = Person.Create("test", user, user, time);
            var record = new ConsentRecord { Id = ConsentRecord.MakeId(person.Id, purpose), PersonId = person.Id, PurposeId = purpose, State = state, TextVersion = version };
            await store.SaveAsync(person, personChanged: true, [record], []);
        }

        var found = store.GivenToOtherVersion("mailing", 2).Select(r => store.FindPersonById(r.PersonId)!.PlatformUserId).Order();

        Assert.Equal(["newer", "old"], found);
    }
}
