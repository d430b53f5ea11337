namespace PdBot.Core.Reviews;

/// <summary>The question the review form is waiting on (see <see cref="ReviewFormMachine"/>).</summary>
public enum ReviewFormStep
{
    Text,

    /// <summary>The text mentions health (policy 5.3): «Исправить» or «Оставить как есть».</summary>
    ConfirmHealth,
    Signature,

    /// <summary>«Подписать именем»: the first name is asked.</summary>
    Name,
    Confirm,
}
