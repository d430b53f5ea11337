using System.Globalization;
using PdBot.Core.Clinic;
using PdBot.Core.Leads;

namespace PdBot.Bot.Conversation.Consultation;

/// <summary>What the consultation form says (policy 2.3.1): one question at a time, «Отмена» always offered.</summary>
public static class ConsultationTexts
{
    public const string CancelButton = "Отмена";
    public const string SkipButton = "Пропустить";
    public const string SendButton = "Отправить заявку";
    public const string WithdrawButton = "Отменить заявку";
    public const string NewButton = "Новая заявка";
    public const string AgainButton = "Записаться на консультацию";
    public const string CancelHint = "\n\nОтменить заявку: кнопка «Отмена» или слово «отмена».";

    public const string Cancelled = "Заявка отменена, введённые данные удалены.";
    public const string Expired = "Заявка не была отправлена за 24 часа и удалена вместе с введёнными данными; ваше сообщение не принято как ответ. Начать заново: «Записаться на консультацию».";
    public const string NoConsent = "Согласие на обработку данных заявки не действует, поэтому незаполненная заявка удалена вместе с введёнными данными.";
    public const string StaleButton = "Эта кнопка относится к другому вопросу.";
    public const string NoDraft = "Эта заявка уже закрыта. Новую можно оставить кнопкой «Записаться на консультацию».";

    public static string Name => "Заявка на бесплатную консультацию. Как к вам обращаться? Напишите имя.";

    public static string Phone(string name) =>
        $"{name}, напишите номер телефона для связи — по нему вам позвонят из клиники, чтобы записать. Например: +7 999 123-45-67.";

    public static string Day(ClinicHours hours) =>
        $"Какой день вам удобен? Выберите кнопкой или напишите дату: «15.12», «завтра», «в пятницу». Клиника принимает по рабочим дням, {Hours(hours)}.";

    public static string Time(DateOnly day, ClinicHours hours) =>
        $"Во сколько удобно {ClinicHours.On(day)}? Выберите время кнопкой или напишите, например, «14:30». Часы работы: {Hours(hours)}.";

    public const string Direction = "К какому специалисту хотите на консультацию? Выберите направление или нажмите «Пропустить».";

    public const string DirectionUnknown = "Выберите направление кнопкой или нажмите «Пропустить» — о подробностях спросят по телефону (сведения о здоровье в заявке не указываются).";

    public const string ConfirmHint = "Чтобы отправить заявку, нажмите «Отправить заявку» (или напишите «отправить»).";

    public static string TodayIsOver => "Сегодня клиника уже не успеет принять: выберите другой день.";

    public static string Confirm(Lead lead) =>
        $"Проверьте заявку:\nИмя: {lead.Name}\nТелефон: {LeadPhone.Mask(lead.Phone)}\nКогда удобно: {LeadTexts.When(lead)}\n" +
        $"Направление: {lead.Direction ?? "не выбрано"}\n\nВсё верно? Нажмите «{SendButton}».";

    public static string Sent(Lead lead, string expect) =>
        $"Заявка № {lead.Id.ToString(CultureInfo.InvariantCulture)} отправлена. Вам позвонят на номер {LeadPhone.Mask(lead.Phone)}, " +
        $"чтобы записать на {LeadTexts.When(lead)} или предложить ближайшее время. {expect}";

    public static string Open(Lead lead) =>
        $"У вас уже есть заявка № {lead.Id.ToString(CultureInfo.InvariantCulture)} ({LeadTexts.State(lead.State)}): {LeadTexts.When(lead)}, " +
        $"телефон {LeadPhone.Mask(lead.Phone)}. Вам позвонят из клиники. Можно отменить её или оставить новую.";

    public static string Withdrawn(long id) =>
        $"Заявка № {id.ToString(CultureInfo.InvariantCulture)} отменена. Её данные будут уничтожены в течение часа.";

    public static string NotOpen(long id) => $"Заявка № {id.ToString(CultureInfo.InvariantCulture)} уже не открыта — отменять нечего.";

    public static string DayButton(DateOnly day) =>
        $"{WeekdayShort[(int)day.DayOfWeek]}, {day.ToString("dd.MM", CultureInfo.InvariantCulture)}";

    private static readonly string[] WeekdayShort = ["вс", "пн", "вт", "ср", "чт", "пт", "сб"];

    private static string Hours(ClinicHours hours) =>
        string.Create(CultureInfo.InvariantCulture, $"с {hours.Opens:HH\\:mm} до {hours.Closes:HH\\:mm}");
}
