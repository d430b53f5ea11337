namespace PdBot.Tests.Stores.Purposes;

public sealed class PurposeHost_on_LiteDb : PurposeHostContract
{
    protected override PdBotTestHost CreateHost(Dictionary<string, string?> overrides) => new(overrides);
}
