namespace PdBot.Core.Unlawful;

/// <summary>Where an operator-found unlawful processing case stands (policy 6.2.8, 6.2.11).</summary>
public enum UnlawfulState
{
    /// <summary>Found: the processing must stop within 3 working days.</summary>
    Detected,

    /// <summary>Stopped: made lawful, or destroyed within 10 working days of detection.</summary>
    Stopped,

    /// <summary>Could not be destroyed in time: blocked, destroyed within six months (6.2.11).</summary>
    Blocked,

    /// <summary>The processing was made lawful; the person was told.</summary>
    Remedied,

    /// <summary>The data were destroyed; the person was told.</summary>
    Destroyed,
}
