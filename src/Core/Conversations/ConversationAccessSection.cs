using System.Globalization;
using System.Text;
using PdBot.Core.Calendar;
using PdBot.Core.Requests;

namespace PdBot.Core.Conversations;

/// <summary>The access answer's paragraph on the inbox (policy 6.1.6): every stored message, who wrote it, and until when it is kept.</summary>
public sealed class ConversationAccessSection(IConversationStore store, InboxOptions options) : IAccessReportSection
{
    public string? Describe(string personId)
    {
        var messages = store.MessagesOf(personId);
        if (messages.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{InboxTexts.PurposeTitle}: хранится {InboxTexts.Messages(messages.Count)}. Каждое хранится {options.RetentionDays} дней с даты, когда оно написано, затем уничтожается (п. 6.2.9 Политики):");
        foreach (var m in messages)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(m.AtUtc, DateTimeKind.Utc));
            var local = TimeZoneInfo.ConvertTime(at, ClinicTime.Zone);
            text.Append(CultureInfo.InvariantCulture,
                $"\n• {local:dd.MM.yyyy HH:mm}, {InboxTexts.AuthorForPerson(m.Author)}: «{m.Text}» — хранится до {RequestTexts.Date(ClinicTime.LocalDate(at.AddDays(options.RetentionDays)))}");
        }

        return text.ToString();
    }
}
