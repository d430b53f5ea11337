namespace PdBot.Tests.Stores.Requests;

public sealed class DestructionOnHostContract_on_PostgreSql : DestructionOnHostContract
{
    protected override PdBotTestHost CreateHost() => PdBotTestHost.OnPostgreSql();
}
