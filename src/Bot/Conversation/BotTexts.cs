namespace PdBot.Bot.Conversation;

/// <summary>Everything the bot says to people, in one place (Russian first).</summary>
public static class BotTexts
{
    public const string SubmitButton = "Отправить";
    public const string DeclineButton = "Не согласен(на)";
    public const string Unchecked = "☐";
    public const string Checked = "☑";

    public const string PromptFooter = "Чтобы дать согласие, отметьте ☐ и нажмите «Отправить». Не хотите — нажмите «Не согласен(на)» или напишите «Отказаться».";
    public const string PolicyLine = "Политика обработки персональных данных: ";
    public const string TickFirst = "Сначала отметьте ☐ — без галочки согласие не даётся.";
    public const string AlreadyGiven = "Согласие уже получено, повторно отправлять не нужно.";
    public const string AlreadyTicked = "Галочка уже стоит. Нажмите «Отправить».";
    public const string AlreadyUnticked = "Галочка уже снята.";
    public const string FormOutdated = "Эта форма устарела. Откройте меню, чтобы дать согласие заново.";
    public const string TextUpdated = "Текст согласия обновился — ознакомьтесь с новой редакцией.";
    public const string NothingToWithdraw = "Это согласие не действует — отзывать нечего.";
    public const string UnknownButton = "Эта кнопка больше не работает.";
    public const string Ticked = "Отмечено ☑";
    public const string Unticked = "Отметка снята ☐";
    public const string Received = "Согласие получено";

    public const string MenuTitle = "Что вы хотите сделать?";
    public const string MenuButton = "Меню";
    public const string SubscribeButton = "Подписаться на рассылку";
    public const string UnsubscribeButton = "Отписаться от рассылки";
    public const string MyDataButton = "Мои данные";
    public const string TopicsButton = "Темы рассылки";
    public const string TopicsDoneButton = "Готово";
    public const string ConsultButton = "Записаться на консультацию";
    public const string ReviewButton = "Оставить отзыв";
    public const string OperatorButton = "Позвать сотрудника";
    public const string LeaveInboxButton = "Завершить диалог с сотрудником";
    public const string GiveConsentPrefix = "Дать согласие: ";
    public const string WithdrawConsentPrefix = "Отозвать согласие: ";

    public const string Unsubscribed = "Вы отписались от рассылки. Сообщений с предложениями больше не будет. Подписаться снова можно через меню.";
    public const string MailingDeclined = "Хорошо, согласие на рассылку не дано — рассылку присылать не будем.";
    public const string NotSubscribed = "Вы не подписаны на рассылку — сообщений с предложениями не будет.";
    public const string StopQuestion = "Отписаться от рассылки?";
    public const string StopYesButton = "Да, отписаться";
    public const string StopNoButton = "Нет";
    public const string MailingKept = "Хорошо, ничего не меняем.";
    public const string IntakeContinues = "Ваш запрос о данных не отменён — ответьте на последний вопрос выше.";
    public const string Error = "Не получилось обработать сообщение. Попробуйте ещё раз чуть позже.";

    /// <summary>How to withdraw is said for this consent only: «Отписаться» stops the mailing, nothing else.</summary>
    public static string GivenConfirmation(string title, bool mailing) => mailing
        ? $"✅ Согласие «{title}» получено. Отозвать его можно в любой момент: напишите «Отписаться» или /stop, либо выберите это в меню."
        : $"✅ Согласие «{title}» получено. Отозвать его можно в любой момент: кнопка «{WithdrawConsentPrefix}{title}» в меню или запрос через /privacy («{MyDataButton}»).";

    public static string Declined(string title) =>
        $"Хорошо, согласие «{title}» не дано — данные для этой цели обрабатывать не будем.";

    /// <summary>Something typed while a consent form is open: the form keeps its tick, the person is told what to press.</summary>
    public static string OpenFormHint(string title, bool ticked) => (ticked
        ? $"Галочка в форме «{title}» уже стоит — осталось нажать «{SubmitButton}» под ней."
        : $"Чтобы дать согласие «{title}», отметьте ☐ в форме выше и нажмите «{SubmitButton}».")
        + $" Не хотите — нажмите «{DeclineButton}» или напишите «Отказаться». Меню — напишите «{MenuButton}».";

    public static string WithdrawnConfirmation(string title) =>
        $"Согласие «{title}» отозвано. Обработка данных для этой цели прекращена.";

    public const string TopicsTitle = "Темы рассылки: отметьте, о чём присылать сообщения, и нажмите «Готово».";
    public const string TopicsNeedConsent = "Темы выбираются после согласия на рассылку. Подписаться можно через меню.";
    public const string NoTopicsConfigured = "Рассылка у нас без тем — выбирать ничего не нужно.";
    public const string TopicGone = "Этой темы больше нет — обновили список.";

    /// <summary>No topic left is a preference, not a withdrawal: the person is told how to withdraw (policy 5.2.1).</summary>
    public const string NoTopicsChosen = "Вы не выбрали ни одной темы — рассылок не будет, но согласие на рассылку действует. Чтобы отозвать его, нажмите «" + UnsubscribeButton + "» или напишите «Отписаться».";

    public static string TopicFollowed(string title) => $"Тема «{title}» выбрана ☑";

    public static string TopicLeft(string title) => $"Тема «{title}» снята ☐";

    public static string TopicAlreadyFollowed(string title) => $"Тема «{title}» уже выбрана.";

    public static string TopicAlreadyLeft(string title) => $"Тема «{title}» уже снята.";

    public static string TopicsChosen(IEnumerable<string> titles) => $"Темы рассылки: {string.Join(", ", titles)}.";

    /// <summary>A message passed to the operator inbox: said once when the conversation opens (or reopens).</summary>
    public static string PassedOn(bool asked, string expectAnswer) => (asked
        ? "Позвали сотрудника клиники: напишите ваш вопрос здесь, в этом чате, — он его прочитает."
        : "Ваше сообщение передано сотруднику клиники.") + " " + expectAnswer;

    public const string InboxLeft = "Диалог с сотрудником завершён. Если понадобится — нажмите «" + OperatorButton + "» в меню.";
    public const string InboxNotOpen = "Диалога с сотрудником сейчас нет.";

    public const string BlockedHint = "Данные заблокированы — сейчас это недоступно.";

    /// <summary>What a blocked person reads instead of prompts and the menu (152-FZ Art. 21; policy 6.2.5–6.2.6).</summary>
    public static string Blocked(long? requestId) =>
        $"Обработка ваших данных заблокирована{(requestId is { } id ? $" по запросу № {id}" : "")}: пока блокировка действует, мы не используем " +
        "их ни для каких целей — ни для рассылки, ни для заявок и отзывов. Ответы на ваши запросы о данных придут как обычно; " +
        "отписаться и отозвать согласие можно в любой момент («Мои данные»).";
}
