namespace PdBot.Bot.Conversation;

/// <summary>
/// What the request form's buttons send, in <see cref="Payload"/>'s "action:argument" format:
/// «Отмена», and an answer chosen with a button (the argument is an <see cref="Core.Requests.IntakeChoice"/> value).
/// </summary>
public static class RequestFormPayload
{
    public const string Cancel = "reqcancel";
    public const string Choice = "reqchoice";
}
