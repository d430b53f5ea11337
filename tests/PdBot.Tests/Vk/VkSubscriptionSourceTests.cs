using System.Text.Json;
using System.Text.Json.Nodes;
using PdBot.Adapters.Vk;

namespace PdBot.Tests.Vk;

/// <summary>A link vk.me/club?ref=SOURCE brings «ref» (and sometimes «ref_source») in message_new's message object.</summary>
public sealed class VkSubscriptionSourceTests
{
    private static Core.Turns.Activity Map(string? reference, string? referenceSource)
    {
        var update = JsonNode.Parse(FakeVkServer.MessageNew("e1", 42, "Начать"))!;
        var message = update["object"]!["message"]!;
        if (reference is not null)
        {
            message["ref"] = reference;
        }

        if (referenceSource is not null)
        {
            message["ref_source"] = referenceSource;
        }

        using var doc = JsonDocument.Parse(update.ToJsonString());
        return VkActivityMapper.ToActivity(doc.RootElement.Clone())!;
    }

    [Theory]
    [InlineData("poster", null, "poster")]
    [InlineData("poster", "reception", "poster")]
    [InlineData(null, "reception", "reception")]
    [InlineData("плакат", "site", "site")]
    [InlineData("a b", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void Ref_is_the_source_and_ref_source_the_fallback_when_valid(string? reference, string? referenceSource, string? expected)
    {
        var a = Map(reference, referenceSource);

        Assert.Equal(("Начать", expected), (a.Text, a.Source));
    }
}
