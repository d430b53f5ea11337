namespace PdBot.Core.Requests;

/// <summary>Where a subject request stands. Persisted and shown to operators.</summary>
public enum RequestState
{
    Received,

    /// <summary>The bot is still asking for what the policy requires (policy 6.1.2).</summary>
    AwaitingDetails,

    /// <summary>Complete; the operator must check identity (signature in person or a signed e-mail).</summary>
    AwaitingIdentity,

    InProgress,

    /// <summary>The term was extended once, with a reasoned notice to the person.</summary>
    Extended,

    /// <summary>The data are blocked while a claim (inaccuracy, unlawful processing) is checked.</summary>
    Blocked,

    Answered,
    Refused,

    /// <summary>The person cancelled it (the form's «Отмена», or a form left for 24 hours): not a refusal by the clinic.</summary>
    Cancelled,

    /// <summary>A consent withdrawal closed because the person gave the consent again before its due day: nothing destroyed.</summary>
    Superseded,

    /// <summary>Closed without an answer because there is nobody left to answer (the person's data were destroyed).</summary>
    Closed,
}
