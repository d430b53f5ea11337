namespace PdBot.Core.Requests;

/// <summary>What can happen to a request. Public so the transition test can name them.</summary>
public enum RequestTrigger
{
    AskDetails,
    DetailsComplete,
    ConfirmIdentity,
    Extend,
    Block,
    Unblock,
    Answer,
    Refuse,
    Cancel,
    Supersede,
    Close,
}
