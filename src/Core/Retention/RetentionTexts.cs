using PdBot.Core.Requests;

namespace PdBot.Core.Retention;

/// <summary>What people are told about withdrawals and destruction (Russian).</summary>
public static class RetentionTexts
{
    public const string NoReviewConsent = "согласия на публикацию отзывов нет";

    public static string Superseded(SubjectRequest r, string title) =>
        $"Вы снова дали согласие «{title}», поэтому запрос № {r.Id} об отзыве согласия закрыт: ваши данные не уничтожались и хранятся, пока согласие действует.";

    public static string NoConsent(SubjectRequest r) =>
        $"По запросу № {r.Id} «{RequestTexts.Title(r.Type)}»: {NoReviewConsent}, ваши отзывы мы не публикуем. Ничего не уничтожено, ваши данные не затронуты.";

    public static string KeptForOtherBasis(string title, DestructionPlan plan) =>
        $"Согласие «{title}» отозвано, обработка для этой цели прекращена. Данные, нужные для других целей, сохранены: действует основание «{plan.KeptBases}».";

    public static string DestroyedAfterWithdrawal(string title, DateOnly today) =>
        $"Согласие «{title}» отозвано. Ваши персональные данные, обрабатывавшиеся для этой цели, уничтожены {RequestTexts.Date(today)}.";

    /// <summary>The answer to an approved destruction demand: what was destroyed, what is kept and why.</summary>
    public static string Destruction(SubjectRequest r, DestructionPlan plan, DateOnly today)
    {
        var kept = plan.KeptFor.Count > 0
            ? $"Сохранены данные для цели «{plan.KeptBases}»: они нужны для исполнения договора с вами (п. 6.2.16 политики), ваш идентификатор в мессенджере остаётся для этой переписки."
            : "Сохранена только обезличенная запись о ваших согласиях и запросах и акт об уничтожении (без идентификаторов и документов): оператор обязан подтверждать уничтожение (приказ Роскомнадзора № 179).";
        var withdrawn = plan.Withdraw.Count == 0 ? "" : $"\nОтозваны согласия: «{string.Join("», «", plan.Withdraw.Select(p => p.Title))}».";
        return $"Запрос № {r.Id} «{RequestTexts.Title(r.Type)}» выполнен {RequestTexts.Date(today)}.\n" +
            $"Уничтожены: {string.Join("; ", plan.Destroyed)}.{withdrawn}\n{kept}";
    }

    public static string ClosedAfterDestruction(long destroyingRequestId) =>
        $"данные заявителя уничтожены (запрос № {destroyingRequestId}), ответ направить некому";
}
