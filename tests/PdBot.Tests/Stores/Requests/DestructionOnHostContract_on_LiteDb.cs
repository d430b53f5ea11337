namespace PdBot.Tests.Stores.Requests;

public sealed class DestructionOnHostContract_on_LiteDb : DestructionOnHostContract
{
    protected override PdBotTestHost CreateHost() => new();
}
