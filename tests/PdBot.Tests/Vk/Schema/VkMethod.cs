namespace PdBot.Tests.Vk.Schema;

/// <summary>
/// A method's parameters as VK's schema lists them, plus <see cref="AnyOf"/>: groups of which at least one must be
/// sent (the schema writes these in descriptions, e.g. "(Required if 'attachment' is not set.)").
/// </summary>
public sealed record VkMethod(string Name, IReadOnlyList<VkParameter> Parameters)
{
    public IReadOnlyList<IReadOnlyList<string>> AnyOf { get; init; } = [];
}
