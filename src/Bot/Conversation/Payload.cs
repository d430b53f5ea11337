namespace PdBot.Bot.Conversation;

/// <summary>What a button sends back: "action" or "action:argument" (a purpose id, a request type…).</summary>
public sealed record Payload(string Action, string? Argument = null)
{
    public const string Tick = "tick";
    public const string Untick = "untick";
    public const string Submit = "submit";
    public const string Decline = "decline";
    public const string Offer = "offer";
    public const string Withdraw = "withdraw";
    public const string Unsubscribe = "unsubscribe";

    /// <summary>«Да, отписаться» under «Отписаться от рассылки?».</summary>
    public const string StopYes = "stopyes";

    /// <summary>«Нет» under «Отписаться от рассылки?»: nothing changes, back to the menu.</summary>
    public const string StopNo = "stopno";
    public const string MyData = "mydata";
    public const string Menu = "menu";
    public const string Request = "request";
    public const string RequestPurpose = "reqpurpose";

    /// <summary>«Темы рассылки»: the topics with their boxes.</summary>
    public const string Topics = "topics";

    /// <summary>A topic's box: follow it / stop following it (the argument is the topic id). The press says which, so a stale box does no harm.</summary>
    public const string TopicOn = "topicon";
    public const string TopicOff = "topicoff";

    /// <summary>«Готово» under the topics: back to the menu.</summary>
    public const string TopicsDone = "topicsdone";

    /// <summary>«Записаться на консультацию»: the consultation form (its consent first when not given).</summary>
    public const string Consult = "consult";

    /// <summary>«Оставить отзыв»: the review form (the review consent first when not given).</summary>
    public const string Review = "review";

    /// <summary>«Позвать сотрудника»: opens a conversation in the operator inbox.</summary>
    public const string Operator = "operator";

    /// <summary>«Завершить диалог с сотрудником»: the person closes their inbox conversation.</summary>
    public const string LeaveInbox = "inboxleave";

    public override string ToString() => Argument is null ? Action : $"{Action}:{Argument}";

    public static Payload? Parse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        var parts = payload.Split(':', 2);
        return new Payload(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }
}
