namespace PdBot.Core.Leads;

/// <summary>Where a consultation request is: being filled in the chat, then the operators' work on it.</summary>
public enum LeadState
{
    /// <summary>The person is still answering the form; operators do not see it.</summary>
    Filling,

    /// <summary>Sent: nobody at the clinic has called yet.</summary>
    New,

    /// <summary>An operator reached the person and is arranging the consultation.</summary>
    Contacted,

    /// <summary>The consultation is booked: the request has served its purpose.</summary>
    Booked,

    /// <summary>The person could not be reached.</summary>
    NoAnswer,

    /// <summary>Closed by an operator (not needed, a duplicate, the person declined).</summary>
    Closed,

    /// <summary>The person cancelled it in the chat.</summary>
    Cancelled,
}
