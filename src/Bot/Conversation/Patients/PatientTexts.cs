namespace PdBot.Bot.Conversation.Patients;

/// <summary>What a patient reads about links, notifications and their answers.</summary>
public static class PatientTexts
{
    public const string LinkUnusable = "Эта ссылка для подключения к уведомлениям клиники недействительна: она уже использована или срок её действия истёк. Попросите в клинике новую ссылку.";
    public const string ConsentFirst = "Клиника приглашает вас получать здесь напоминания о приёмах. Для этого нужно ваше согласие на переписку — оно ниже.";
    public const string Bound = "Вы подключены к уведомлениям клиники: здесь будут приходить напоминания о приёмах, а ответить на них можно кнопками или сообщением. Отключиться — отозвать согласие «Переписка с пациентом» в меню.";
    public const string NotificationGone = "Это уведомление больше не действует.";
    public const string Forwarded = "Спасибо, ваше сообщение передано в клинику. Сотрудник ответит здесь же.";

    public static string Answered(string label) => $"Спасибо, ответ «{label}» передан в клинику.";

    public static string AlreadyAnswered(string label) => $"Вы уже ответили: «{label}»";
}
