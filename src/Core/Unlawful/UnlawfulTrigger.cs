namespace PdBot.Core.Unlawful;

public enum UnlawfulTrigger
{
    /// <summary>«Обработка прекращена».</summary>
    Stop,

    /// <summary>«Правомерность обеспечена».</summary>
    Remedy,

    /// <summary>«Заблокировать (уничтожить нельзя в срок)».</summary>
    Block,

    /// <summary>«Данные уничтожены».</summary>
    Destroy,
}
