using System.Text.Json.Serialization;

namespace PdBot.Bot.Cli.Control;

/// <summary>A frame from the host: text for the client's standard output or error, a read request, or the exit code.</summary>
public sealed record ControlReply
{
    public const string LineRead = "line";
    public const string SecretRead = "secret";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Out { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Err { get; init; }

    /// <summary><see cref="LineRead"/> or <see cref="SecretRead"/> (read without echo).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Read { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Exit { get; init; }
}
