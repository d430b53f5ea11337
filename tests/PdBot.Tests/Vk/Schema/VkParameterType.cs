namespace PdBot.Tests.Vk.Schema;

#pragma warning disable CA1720 // named after the schema's own types (integer, string, int64)

/// <summary>A parameter's "type" in VK's schema. Form fields are text: each type says which text is valid.</summary>
public enum VkParameterType
{
    /// <summary>Decimal digits with an optional sign; int32 unless the schema says "format": "int64".</summary>
    Integer,

    /// <summary>A decimal number such as 55.75 (lat, long).</summary>
    Number,

    String,

    /// <summary>"1" or "0", the form VK documents for flags.</summary>
    Boolean,

    /// <summary>Comma-separated items.</summary>
    Array,
}
