namespace PdBot.Tests.Vk.Schema;

#pragma warning disable CA1720 // named after the schema's own types (integer, string, int64)

/// <summary>One method parameter as VK's schema lists it: name, type, whether required, and its limits.</summary>
public sealed record VkParameter(string Name, VkParameterType Type)
{
    public bool Required { get; init; }

    /// <summary>"format": "int64"; without it an integer is an int32 (as VK's own SDK generators read the schema).</summary>
    public bool Int64 { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>For an array: the type of its items (integer items follow <see cref="Int64"/> and <see cref="Minimum"/>).</summary>
    public VkParameterType? Items { get; init; }

    public int? MaxItems { get; init; }

    public static VkParameter Int(string name, bool required = false, long? min = null, long? max = null) =>
        new(name, VkParameterType.Integer) { Required = required, Minimum = min, Maximum = max };

    public static VkParameter Long(string name, bool required = false, long? min = null) =>
        new(name, VkParameterType.Integer) { Required = required, Int64 = true, Minimum = min };

    public static VkParameter Text(string name, bool required = false, int? maxLength = null) =>
        new(name, VkParameterType.String) { Required = required, MaxLength = maxLength };

    public static VkParameter Flag(string name) => new(name, VkParameterType.Boolean);

    public static VkParameter Number(string name) => new(name, VkParameterType.Number);

    public static VkParameter OneOf(string name, params string[] values) => new(name, VkParameterType.String) { Enum = values };

    public static VkParameter Ints(string name, int maxItems, bool required = false, bool int64 = false, long? min = null) =>
        new(name, VkParameterType.Array) { Items = VkParameterType.Integer, MaxItems = maxItems, Required = required, Int64 = int64, Minimum = min };

    public static VkParameter Texts(string name) => new(name, VkParameterType.Array) { Items = VkParameterType.String };
}
