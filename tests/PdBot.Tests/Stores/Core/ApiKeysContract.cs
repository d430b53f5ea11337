using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Core;

/// <summary>IApiKeyStore, written once and run on every provider.</summary>
public abstract class ApiKeysContract : CoreStoreContract
{
    private static AuditEntry Entry(string evt) => new() { TimeUtc = CoreStores.Now, Kind = "api-key", Event = evt, Channel = "admin", Actor = "cli" };

    private static ApiKey Key(string name) => new()
    {
        Name = ApiKey.Normalize(name),
        Scope = "requests",
        Hash = "sha-" + name,
        CreatedAtUtc = CoreStores.Now,
        CreatedBy = "oleg",
    };

    [Fact]
    public async Task An_added_key_is_found_ignoring_case_listed_by_name_and_audited()
    {
        Assert.True(await Stores.ApiKeys.AddAsync(Key("Mis"), Entry("api-key-added")));
        Assert.True(await Stores.ApiKeys.AddAsync(Key("crm"), Entry("api-key-added")));

        var mis = Stores.ApiKeys.Find(" MIS ")!;
        Assert.Equal(("mis", "requests", "sha-Mis", CoreStores.Now, "oleg", false, "api:mis"), (mis.Name, mis.Scope, mis.Hash, mis.CreatedAtUtc, mis.CreatedBy, mis.Revoked, mis.Actor));
        Assert.Null(Stores.ApiKeys.Find("nothing"));
        Assert.Equal(["crm", "mis"], Stores.ApiKeys.All().Select(k => k.Name));
        Assert.Equal(2, Stores.Audit.ReadAll().Count());
    }

    [Fact]
    public async Task A_taken_name_adds_nothing_and_audits_nothing()
    {
        Assert.True(await Stores.ApiKeys.AddAsync(Key("mis"), Entry("api-key-added")));

        Assert.False(await Stores.ApiKeys.AddAsync(Key("MIS"), Entry("api-key-added")));

        Assert.Equal("sha-mis", Assert.Single(Stores.ApiKeys.All()).Hash);
        Assert.Single(Stores.Audit.ReadAll());
    }

    [Fact]
    public async Task A_revoked_key_is_saved_with_its_audit_entry()
    {
        await Stores.ApiKeys.AddAsync(Key("mis"), Entry("api-key-added"));
        var key = Stores.ApiKeys.Find("mis")!;
        (key.RevokedAtUtc, key.RevokedBy, key.LastUsedAtUtc) = (CoreStores.Now.AddDays(1), "anna", CoreStores.Now.AddHours(2));

        await Stores.ApiKeys.SaveAsync(key, Entry("api-key-revoked"));

        var back = Stores.ApiKeys.Find("mis")!;
        Assert.Equal((true, "anna", CoreStores.Now.AddDays(1), CoreStores.Now.AddHours(2)), (back.Revoked, back.RevokedBy, back.RevokedAtUtc, back.LastUsedAtUtc));
        Assert.Equal(["api-key-added", "api-key-revoked"], Stores.Audit.ReadAll().Select(e => e.Event));
        Assert.True(Stores.Audit.Verify().IsIntact);
    }
}
