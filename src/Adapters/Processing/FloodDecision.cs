namespace PdBot.Adapters.Processing;

/// <summary>What <see cref="FloodControl"/> says about a press.</summary>
public enum FloodDecision
{
    /// <summary>An ordinary press: run the turn.</summary>
    Run,

    /// <summary>Beyond the burst: mark it processed without a turn.</summary>
    Fold,

    /// <summary>Beyond the burst, and the person has not been told lately: fold it and answer it politely.</summary>
    FoldAndNotice,
}
