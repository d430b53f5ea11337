namespace PdBot.Core.Incidents;

/// <summary>Where an incident is on the way of 152-FZ Art. 21 part 3.1: registered, the 24-hour notice, the 72-hour results.</summary>
public enum IncidentState
{
    /// <summary>Reported (in the chat) or noted, not confirmed yet: an operator registers or dismisses it.</summary>
    Candidate,

    /// <summary>Registered: the 24-hour notice to Roskomnadzor is due.</summary>
    Open,

    /// <summary>The first notice was sent: the 72-hour results are due.</summary>
    NoticeSent,

    /// <summary>The investigation's results were sent.</summary>
    ResultsSent,

    /// <summary>Done: effects removed, people told.</summary>
    Closed,

    /// <summary>A candidate that turned out not to be an incident (the reason is kept).</summary>
    Dismissed,
}
