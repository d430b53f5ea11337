namespace PdBot.Core.Authority;

/// <summary>Where a Roskomnadzor request stands: received (the clock runs), extended once, answered.</summary>
public enum AuthorityState
{
    Received,
    Extended,
    Answered,
}
