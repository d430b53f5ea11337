using System.Globalization;

namespace PdBot.Core.Leads;

/// <summary>Russian words for a request's states and actions (the chat, the console, the access answer).</summary>
public static class LeadTexts
{
    public static string State(LeadState state) => state switch
    {
        LeadState.Filling => "заполняется",
        LeadState.New => "новая",
        LeadState.Contacted => "связались",
        LeadState.Booked => "записан(а) на консультацию",
        LeadState.NoAnswer => "не дозвонились",
        LeadState.Closed => "закрыта",
        _ => "отменена заявителем",
    };

    /// <summary>The console's button for an operator's action.</summary>
    public static string Action(LeadTrigger trigger) => trigger switch
    {
        LeadTrigger.Contact => "Связались",
        LeadTrigger.Book => "Записан(а)",
        LeadTrigger.NoAnswer => "Не дозвонились",
        LeadTrigger.Close => "Закрыть",
        LeadTrigger.CancelByPerson => "Отменена заявителем",
        _ => "Отправлена",
    };

    /// <summary>A history line's event: «заявка отправлена», «связались», «данные уничтожены».</summary>
    public static string Event(string evt) => evt switch
    {
        LeadEvents.Submitted => "заявка отправлена",
        LeadEvents.Contacted => "связались",
        LeadEvents.Booked => "записан(а) на консультацию",
        LeadEvents.NoAnswer => "не дозвонились",
        LeadEvents.Closed => "закрыта",
        LeadEvents.Cancelled => "отменена",
        "destroyed" => "данные заявки уничтожены",
        _ => evt,
    };

    /// <summary>Who acted, for the history: an operator's login as is.</summary>
    public static string Actor(string actor) => actor switch
    {
        "person" => "заявитель",
        "system" => "система",
        _ => actor,
    };

    /// <summary>«15.12.2026 (вторник), 14:30».</summary>
    public static string When(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Day is not { } day)
        {
            return "—";
        }

        var ru = CultureInfo.GetCultureInfo("ru-RU");
        return $"{day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} ({day.ToString("dddd", ru)}){(lead.Time is { } t ? ", " + t : "")}";
    }

    public static string Number(long id) => string.Create(CultureInfo.InvariantCulture, $"№ {id}");
}
