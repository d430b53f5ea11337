using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Requests;

/// <summary>How the console names request states and history steps, and colours the days left (Russian, for the clinic's staff).</summary>
public static class RequestLabels
{
    /// <summary>At most this many working days left is "due soon" — the same threshold as the home page's card.</summary>
    public const int SoonWorkingDays = 2;

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
        _ => state.ToString(),
    };

    public static string Action(string action) => action switch
    {
        "intake-started" => "начато заполнение",
        "received" => "запрос получен",
        "blocked-on-receipt" => "данные заблокированы при получении",
        "identity-confirmed" => "личность подтверждена",
        "blocked" => "данные заблокированы",
        "unblocked" => "блокировка снята",
        "extended" => "срок продлён",
        "refused" => "отказано",
        "answered" => "ответ одобрен и отправлен",
        _ => action,
    };

    /// <summary>The operator's actions, as the buttons name them.</summary>
    public static string Trigger(RequestTrigger trigger) => trigger switch
    {
        RequestTrigger.ConfirmIdentity => "подтвердить личность",
        RequestTrigger.Extend => "продлить срок",
        RequestTrigger.Block => "заблокировать данные",
        RequestTrigger.Unblock => "снять блокировку",
        RequestTrigger.Answer => "одобрить и отправить ответ",
        RequestTrigger.Refuse => "отказать",
        _ => trigger.ToString(),
    };

    /// <summary>The badge colour: green with time to spare, amber when due within two working days, red when overdue.</summary>
    public static string DaysClass(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => "days-red",
        <= SoonWorkingDays => "days-amber",
        _ => "days-ok",
    };

    public static string YesNo(bool value) => value ? "да" : "нет";
}
