using System.Globalization;

namespace PdBot.Bot.Conversation.Reviews;

/// <summary>What the review form says (policy 2.3.1, 5.3; ст. 10.1 152-ФЗ).</summary>
public static class ReviewTexts
{
    public const int MaxLength = 2000;
    public const int MaxNameLength = 40;

    public const string CancelButton = "Отмена";
    public const string FixButton = "Исправить";
    public const string KeepButton = "Оставить как есть";
    public const string SignButton = "Подписать именем";
    public const string AnonymousButton = "Анонимно";
    public const string SendButton = "Отправить отзыв";

    public const string AskText = "Напишите ваш отзыв одним сообщением. Пожалуйста, не указывайте диагнозы, лекарства и процедуры: " +
        "отзыв публикуется на сайте клиники и во ВКонтакте (п. 5.3 Политики).";

    public const string AskTextAgain = "Напишите исправленный текст отзыва одним сообщением — без диагнозов, лекарств и процедур.";

    public const string HealthWarning = "В отзыве, похоже, есть сведения о здоровье (диагноз, лекарство или процедура). " +
        "Опубликованный отзыв не должен их содержать (п. 5.3 Политики): это данные особой категории.\n\n" +
        "«Исправить» — напишите текст заново. «Оставить как есть» — сотрудник клиники уберёт такие сведения перед публикацией.";

    public const string AskSignature = "Как подписать отзыв? Именем (только имя, без фамилии) или анонимно.";
    public const string AskName = "Напишите имя, которым подписать отзыв (только имя, без фамилии).";
    public const string Empty = "Отзыв пустой. Напишите текст отзыва одним сообщением.";
    public const string ChooseSignature = "Выберите кнопкой, как подписать отзыв: «Подписать именем» или «Анонимно».";
    public const string ChooseHealth = "Выберите «Исправить» или «Оставить как есть» — или просто напишите исправленный текст.";
    public const string Cancelled = "Отзыв отменён, введённый текст удалён.";
    public const string Expired = "Отзыв не был дописан за 24 часа, форма закрыта и введённый текст удалён; ваше сообщение не принято как ответ. Начать заново: «Оставить отзыв».";
    public const string NoConsent = "Согласие на публикацию отзывов не действует, поэтому форма отзыва закрыта и введённый текст удалён.";
    public const string Closed = "Эта форма отзыва уже закрыта. Начать заново: «Оставить отзыв».";
    public const string OtherQuestion = "Эта кнопка относится к другому вопросу.";

    public static string TooLong => string.Create(CultureInfo.InvariantCulture, $"Отзыв длиннее {MaxLength} символов. Сократите его и отправьте снова.");

    public static string BadName => string.Create(CultureInfo.InvariantCulture,
        $"Имя — это буквы (можно дефис или пробел), не длиннее {MaxNameLength} символов. Напишите имя ещё раз или выберите «Анонимно».");

    public static string Confirm(string text, string signature) =>
        $"Проверьте отзыв:\n\n{text}\n\nПодпись: {signature}\n\nНажмите «{SendButton}», чтобы передать его клинике.";

    public static string Thanks(long id) =>
        $"Спасибо за отзыв! Его номер — {id.ToString(CultureInfo.InvariantCulture)}. Клиника опубликует его на своём сайте или во ВКонтакте. " +
        "Если вы отзовёте согласие на публикацию, отзыв будет снят немедленно.";
}
