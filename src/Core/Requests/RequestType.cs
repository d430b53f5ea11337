namespace PdBot.Core.Requests;

/// <summary>The rights a person can exercise through the bot (152-FZ Art. 14, 20, 21, 9 part 2, 10.1).</summary>
public enum RequestType
{
    Access,
    Correction,
    Blocking,
    Destruction,
    StopProcessing,
    WithdrawConsent,
    WithdrawDistribution,
}
