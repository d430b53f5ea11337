namespace PdBot.Core.Reviews;

/// <summary>Where a review is in the registry (policy 2.3.1, 5.3; ст. 10.1 152-ФЗ).</summary>
public enum ReviewState
{
    /// <summary>The person is still filling in the form.</summary>
    Draft,

    /// <summary>Sent by the person, waiting for the operator.</summary>
    Received,

    /// <summary>Published by the clinic (the URL and date are recorded).</summary>
    Published,

    /// <summary>«Снять немедленно»: the consent was withdrawn after publication.</summary>
    TakeDownNow,

    /// <summary>Removed from the site; who and when is recorded, the text is erased.</summary>
    TakenDown,

    /// <summary>The clinic decided not to publish it.</summary>
    Rejected,

    /// <summary>The consent was withdrawn before publication: the text is destroyed.</summary>
    Withdrawn,
}
