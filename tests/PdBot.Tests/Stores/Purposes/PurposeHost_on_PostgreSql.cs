namespace PdBot.Tests.Stores.Purposes;

public sealed class PurposeHost_on_PostgreSql : PurposeHostContract
{
    protected override PdBotTestHost CreateHost(Dictionary<string, string?> overrides) => PdBotTestHost.OnPostgreSql(overrides);
}
