using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Backup;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Backup;

/// <summary>Helpers of the backup tests: people with consents written as a turn writes them, file fingerprints.</summary>
internal static class BackupFiles
{
    public static readonly DateTime Time = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A person, their given consent and its audit entry, in one commit.</summary>
    public static Task GiveAsync(PdBotTestHost host, string userId)
    {
        var person = Person.Create("test", userId, userId, Time);
        var record = new ConsentRecord
        {
            Id = ConsentRecord.MakeId(person.Id, "mailing"),
            PersonId = person.Id,
            PurposeId = "mailing",
            State = ConsentState.Given,
            TextVersion = 2,
            TextHash = "hash-" + userId,
            Buttons = ["tick", "submit"],
            GivenAtUtc = Time,
            UpdatedAtUtc = Time,
        };
        var entry = new AuditEntry
        {
            TimeUtc = Time,
            Kind = AuditEvents.ConsentKind,
            Event = AuditEvents.Given,
            Channel = "test",
            UserId = userId,
            PersonId = person.Id,
            PurposeId = "mailing",
        };
        return host.Store.SaveAsync(person, personChanged: true, [record], [entry]);
    }

    public static Task<BackupResult> BackupAsync(PdBotTestHost host, string file, bool force = false) =>
        host.Services.GetRequiredService<StoreBackup>().MakeAsync(file, force);

    public static string Sha256(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(SHA256.HashData(file));
    }
}
