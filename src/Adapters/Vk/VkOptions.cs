namespace PdBot.Adapters.Vk;

/// <summary>Configuration section <c>Vk</c>. The channel is off while <see cref="AccessToken"/> is empty.</summary>
public sealed class VkOptions
{
    public const string Callback = "Callback";
    public const string LongPoll = "LongPoll";

    /// <summary>The community's id (Manage → Settings: the number in "club123456").</summary>
    public ulong GroupId { get; set; }

    /// <summary>The community token with the "messages" right. A secret: <c>Vk__AccessToken</c>, never a committed file.</summary>
    public string AccessToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://api.vk.com/method/";

    /// <summary><c>Callback</c> (VK posts to /webhooks/vk) or <c>LongPoll</c> (Bots Long Poll API).</summary>
    public string Mode { get; set; } = LongPoll;

    /// <summary>The string VK expects back for the "confirmation" event (Callback API settings).</summary>
    public string ConfirmationCode { get; set; } = "";

    /// <summary>The "secret key" VK puts in every Callback API request. A secret too.</summary>
    public string Secret { get; set; } = "";

    public int LongPollWaitSeconds { get; set; } = 25;

    /// <summary>The community's short name ("medaclinic") for vk.me subscription links; empty: "club{GroupId}".</summary>
    public string Community { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (GroupId == 0)
        {
            yield return "Vk:GroupId is required";
        }

        if (Mode != Callback && Mode != LongPoll)
        {
            yield return $"Vk:Mode must be {Callback} or {LongPoll}";
        }

        if (Mode == Callback && (string.IsNullOrWhiteSpace(ConfirmationCode) || string.IsNullOrWhiteSpace(Secret)))
        {
            yield return "Vk:ConfirmationCode and Vk:Secret are required in Callback mode";
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return "Vk:ApiBaseUrl must be an absolute URL";
        }
    }
}
