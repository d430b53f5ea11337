using System.Globalization;
using PdBot.Core.Calendar;
using PdBot.Core.Patients;
using PdBot.Core.Requests;

namespace PdBot.Bot.Patients;

/// <summary>The patient link and the notifications in the answer to an access request.</summary>
public sealed class PatientAccessSection(IPatientStore store) : IAccessReportSection
{
    public string? Describe(string personId)
    {
        if (store.BindingOf(personId) is not { } binding)
        {
            return null;
        }

        var notifications = store.NotificationsOf(personId);
        var bound = ClinicTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(binding.BoundAtUtc, DateTimeKind.Utc)));
        var answered = notifications.Count(n => n.Answer is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"Уведомления клиники (п. 2.3.2 Политики): вы подключены с {RequestTexts.Date(bound)} под номером пациента клиники «{binding.Id}»; уведомлений получено: {notifications.Count}, из них с вашим ответом: {answered}. Хранятся в течение срока действия договора или до отзыва согласия на переписку.");
    }
}
