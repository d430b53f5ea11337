namespace PdBot.Core.Incidents;

/// <summary>Where an incident came from.</summary>
public enum IncidentSource
{
    /// <summary>Registered by an operator in the console.</summary>
    Console,

    /// <summary>A person reported a violation in the chat (/privacy → «Сообщить о нарушении»): a candidate to check.</summary>
    ChatReport,
}
