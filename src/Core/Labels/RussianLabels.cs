using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Core.Labels;

/// <summary>
/// The one table of Russian names for what people and admins read: request states and types, consent states,
/// history actions, audit events, actors and message kinds. The bot's answers, the CLI and the console all use it;
/// an unknown name is shown as stored rather than hidden.
/// </summary>
public static partial class RussianLabels
{
    public static string State(RequestState state) => state switch
    {
        RequestState.Received => "принят",
        RequestState.AwaitingDetails => "заполняется",
        RequestState.AwaitingIdentity => "ждёт подтверждения личности",
        RequestState.InProgress => "в работе",
        RequestState.Extended => "в работе, срок продлён",
        RequestState.Blocked => "данные заблокированы",
        RequestState.Answered => "ответ отправлен",
        RequestState.Refused => "отказано",
        RequestState.Cancelled => "отменён заявителем",
        RequestState.Superseded => "закрыт: согласие дано снова",
        RequestState.Closed => "закрыт без ответа",
        _ => state.ToString(),
    };

    public static string Type(RequestType type) => RequestTexts.Title(type);

    public static string State(ConsentState state) => state switch
    {
        ConsentState.NotAsked => "не запрашивалось",
        ConsentState.Offered => "предложено",
        ConsentState.Ticked => "отмечено, не отправлено",
        ConsentState.Given => "дано",
        ConsentState.Declined => "отклонено",
        ConsentState.Withdrawn => "отозвано",
        ConsentState.NeedsRenewal => "требует обновления",
        _ => state.ToString(),
    };

    /// <summary>A request's history action or an audit event (the request's "request-…" events name the same steps).</summary>
    public static string Action(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action switch
        {
            RequestAction.IntakeStarted => "начато заполнение",
            RequestAction.Received => "запрос получен",
            RequestAction.BlockedOnReceipt => "данные заблокированы при получении",
            RequestAction.IdentityConfirmed => "личность подтверждена",
            RequestAction.Blocked => "данные заблокированы",
            RequestAction.Unblocked => "блокировка снята",
            RequestAction.Extended => "срок продлён",
            RequestAction.Refused => "отказано",
            RequestAction.Answered => "ответ одобрен и отправлен",
            RequestAction.AnswerDelivered => "ответ доставлен",
            RequestAction.Cancelled => "отменён заявителем",
            RequestAction.Superseded => "закрыт: согласие дано снова, ничего не уничтожено",
            RequestAction.Closed => "закрыт без ответа",
            RequestAction.Corrected => "данные исправлены",
            RequestAction.ProcessingStopped => "обработка прекращена",
            RequestAction.MarketingStopped => "рассылка прекращена при получении",
            RequestAction.Destroyed => "данные уничтожены",
            RequestAction.BlockedOtherBasis => "данные сохранены и заблокированы: есть другое основание",
            RequestAction.NoConsent => "согласия не было: уничтожать нечего",
            AuditEvents.Given or AuditEvents.Withdrawn or AuditEvents.Declined or AuditEvents.NeedsRenewal or AuditEvents.Expired => "согласие " + ConsentEvent(action),
            AuditEvents.Unreachable => "недоступен (бот заблокирован или сообщения запрещены)",
            AuditEvents.MessagesAllowed => "сообщения снова разрешены",
            AuditEvents.Topics => "темы рассылки изменены",
            AdminEvents.SignIn => "вход в консоль",
            AdminEvents.SignInFailed => "неудачная попытка входа",
            AdminEvents.LockedOut => "учётная запись заблокирована после неудачных попыток",
            AdminEvents.AccountCreated => "учётная запись создана",
            AdminEvents.SignedOut => "выход из консоли",
            AdminEvents.AccountUnlocked => "учётная запись разблокирована",
            AdminEvents.Viewed => "просмотр",
            AdminEvents.Exported => "выгрузка",
            ApiKeyEvents.Created => "ключ API создан",
            ApiKeyEvents.Revoked => "ключ API отозван",
            ApiKeyEvents.Call => "вызов API",
            ApiKeyEvents.Refused => "вызов API отклонён",
            ConversationService.Opened => "беседа во входящих открыта",
            ConversationService.Reopened => "беседа во входящих открыта снова",
            ConversationService.Closed => "беседа во входящих закрыта",
            ConversationService.Replied => "ответ сотрудника отправлен",
            ConversationService.Read => "сообщения прочитаны сотрудником",
            AlertEvents.Raised => "оповещение операторам",
            AlertEvents.Acknowledged => "оповещение принято",
            _ when action.StartsWith("request-", StringComparison.Ordinal) && action.Length > 8 => Action(action[8..]),
            _ when action.StartsWith("alert-", StringComparison.Ordinal) => action == RequestAction.Alert(0)
                ? "напоминание оператору: срок сегодня"
                : $"напоминание оператору: {action[6..]} раб. дн. до срока",
            _ => action,
        };
    }

    /// <summary>Who acted: the system, the person, or an admin (their login as is).</summary>
    public static string Actor(string actor) => actor switch
    {
        Actors.System => "система",
        Actors.Person => "пользователь",
        Actors.Cli => "оператор (командная строка)",
        AdminEvents.UnknownActor => "неизвестный логин",
        _ => actor,
    };

    public static string Trigger(RequestTrigger trigger) => trigger switch
    {
        RequestTrigger.ConfirmIdentity => "подтвердить личность",
        RequestTrigger.Extend => "продлить срок",
        RequestTrigger.Block => "заблокировать данные",
        RequestTrigger.Unblock => "снять блокировку",
        RequestTrigger.Answer => "одобрить и отправить ответ",
        RequestTrigger.Refuse => "отказать",
        RequestTrigger.Cancel => "отменить",
        RequestTrigger.Supersede => "закрыть: согласие дано снова",
        RequestTrigger.Close => "закрыть без ответа",
        RequestTrigger.AskDetails => "запросить сведения",
        RequestTrigger.DetailsComplete => "сведения получены",
        _ => trigger.ToString(),
    };

    public static string MessageKind(string kind) => kind switch
    {
        OutboxKind.RequestAnswer => "ответ на запрос",
        OutboxKind.RequestExtension => "уведомление о продлении срока",
        OutboxKind.RequestRefusal => "мотивированный отказ",
        OutboxKind.RequestNotice => "уведомление по запросу",
        OutboxKind.OperatorAlert => "оповещение оператору",
        _ => kind,
    };

    public static string CorrectionField(string field) => field switch
    {
        CorrectionFields.Document => "номер документа",
        CorrectionFields.IssuedOn => "дата выдачи документа",
        CorrectionFields.Issuer => "кем выдан документ",
        CorrectionFields.Relation => "связь с клиникой",
        _ => field,
    };

    public static string Channel(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "vk" => "ВКонтакте",
        "local" => "локальный канал",
        AdminEvents.Channel => "консоль",
        ApiKeyEvents.Channel => "API",
        _ => channel,
    };

    /// <summary>The kind of an audit entry.</summary>
    public static string Kind(string kind) => kind switch
    {
        AuditEvents.ConsentKind => "согласие",
        AuditEvents.PersonKind => "субъект",
        RequestAction.RequestKind => "запрос",
        RequestAction.RetentionKind => "хранение",
        AdminEvents.Kind => "консоль",
        ConversationService.AuditKind => "входящие",
        ApiKeyEvents.Kind => "ключ API",
        ApiKeyEvents.CallKind => "API",
        AlertEvents.Kind => "оповещение",
        _ => kind,
    };

    /// <summary>A button the person pressed under a consent prompt, as the audit entry records it.</summary>
    public static string Button(string button) => button switch
    {
        "tick" => "отметка",
        "untick" => "снятие отметки",
        "submit" => "«Отправить»",
        "decline" => "«Не согласен(на)»",
        _ => button,
    };

    /// <summary>A purpose by its title (the id stays in exports and links).</summary>
    public static string Purpose(ConsentCatalog catalog, string? purposeId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return purposeId is null ? "" : catalog.Find(purposeId)?.Title ?? purposeId;
    }

    public static string YesNo(bool value) => value ? "да" : "нет";

    /// <summary>A consent event as the consent log names it (the timeline prefixes «согласие»).</summary>
    public static string ConsentEvent(string evt) => evt switch
    {
        AuditEvents.Given => "дано",
        AuditEvents.Withdrawn => "отозвано",
        AuditEvents.Declined => "отклонено",
        AuditEvents.NeedsRenewal => "требует обновления",
        AuditEvents.Expired => "прекращено: истёк срок",
        _ => evt,
    };
}
