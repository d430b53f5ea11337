using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Core.Unlawful;

/// <summary>What people, operators and the authority are told about operator-found unlawful processing (Russian).</summary>
public static class UnlawfulTexts
{
    private const string Clause = "п. 6.2.8 Политики обработки персональных данных, ч. 3 ст. 21 152-ФЗ";

    public static string State(UnlawfulState s) => s switch
    {
        UnlawfulState.Detected => "выявлена",
        UnlawfulState.Stopped => "обработка прекращена",
        UnlawfulState.Blocked => "данные заблокированы",
        UnlawfulState.Remedied => "правомерность обеспечена",
        _ => "данные уничтожены",
    };

    public static string Action(UnlawfulTrigger t) => t switch
    {
        UnlawfulTrigger.Stop => "Обработка прекращена",
        UnlawfulTrigger.Remedy => "Правомерность обеспечена",
        UnlawfulTrigger.Block => "Заблокировать (уничтожить нельзя в срок)",
        _ => "Данные уничтожены",
    };

    public static string Event(string evt) => evt switch
    {
        UnlawfulEvents.Registered => "зарегистрирован",
        UnlawfulEvents.Stopped => "обработка прекращена",
        UnlawfulEvents.Remedied => "правомерность обеспечена, субъект уведомлён",
        UnlawfulEvents.Blocked => "данные заблокированы",
        UnlawfulEvents.Destroyed => "данные уничтожены, субъект уведомлён",
        _ => evt,
    };

    public static string Remedied(UnlawfulCase c, string done, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"Уведомление клиники об обработке ваших персональных данных.\n\n" +
            $"Мы выявили неправомерную обработку ваших персональных данных: {c.What}.\n" +
            $"Нарушение устранено {RequestTexts.Date(today)}: {done}.\n" +
            $"Уведомление направлено в соответствии с {Clause}.";
    }

    public static string Destroyed(UnlawfulCase c, DestructionPlan plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(plan);
        var kept = plan.KeptFor.Count > 0 ? $"\nСохранены данные для цели «{plan.KeptBases}»: они нужны для исполнения договора с вами (п. 6.2.16 политики)." : "";
        return $"Уведомление клиники об обработке ваших персональных данных.\n\n" +
            $"Мы выявили неправомерную обработку ваших персональных данных: {c.What}.\n" +
            $"Обеспечить правомерность обработки невозможно, поэтому {RequestTexts.Date(today)} данные уничтожены: {string.Join("; ", plan.Destroyed)}.{kept}\n" +
            $"Уведомление направлено в соответствии с {Clause}.";
    }

    /// <summary>The notice to Roskomnadzor when its request led to the case: ready to copy into the answer.</summary>
    public static string ToAuthority(UnlawfulCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var outcome = c.State switch
        {
            UnlawfulState.Remedied => "допущенные нарушения устранены, субъект уведомлён",
            UnlawfulState.Destroyed => "персональные данные уничтожены, субъект уведомлён",
            UnlawfulState.Blocked => $"персональные данные заблокированы и будут уничтожены не позднее {RequestTexts.Date(c.DestroyBlockedBy ?? c.DestroyDue)} (п. 6.2.11 политики)",
            UnlawfulState.Stopped => "неправомерная обработка прекращена",
            _ => "проводится проверка",
        };
        return $"В связи с запросом № {c.AuthorityRequestId}: неправомерная обработка персональных данных субъекта, выявленная {RequestTexts.Date(c.DetectedOn)}, — {outcome} ({Clause}).";
    }

    /// <summary>The operators' alert: no personal data, only the case number and the date.</summary>
    public static string Alert(UnlawfulCase c, string what, DateOnly due, int left) => left switch
    {
        < 0 => $"Просрочен срок по случаю неправомерной обработки № {c.Id}: {what} до {RequestTexts.Date(due)}. Откройте «Неправомерная обработка» в консоли.",
        0 => $"Сегодня последний день по случаю неправомерной обработки № {c.Id}: {what}. Откройте «Неправомерная обработка» в консоли.",
        _ => $"Через {left} рабочих дня ({RequestTexts.Date(due)}) истекает срок по случаю неправомерной обработки № {c.Id}: {what}.",
    };
}
