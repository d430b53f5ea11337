namespace PdBot.Core.Requests;

/// <summary>Configuration section <c>Requests</c>.</summary>
public sealed class RequestOptions
{
    /// <summary>Where operators are alerted: "telegram", "vk" or "local"; empty turns chat alerts off.</summary>
    public string AdminChannel { get; set; } = "";

    public string AdminChatId { get; set; } = "";

    /// <summary>Policy terms per type, e.g. <c>Requests:PolicyDays:Correction = 10</c>; the law's term wins when shorter.</summary>
    public Dictionary<RequestType, int> PolicyDays { get; init; } = [];
}
