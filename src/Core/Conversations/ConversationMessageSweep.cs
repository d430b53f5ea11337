using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Core.Conversations;

/// <summary>
/// Inbox messages are kept for <c>Inbox:RetentionDays</c> (default 30) from when they were written, then destroyed by
/// the retention job (policy 6.2.9) with one destruction act for the round. The conversations themselves (who, when,
/// why, no text) stay, so the console still shows that there was a conversation.
/// </summary>
public sealed class ConversationMessageSweep(IConversationStore store, InboxOptions options, TimeProvider time) : IPurposeDataSweep
{
    public IReadOnlyList<TermPreviewItem> Preview(DateTimeOffset untilUtc) =>
        [.. store.MessagesBefore(untilUtc.UtcDateTime.AddDays(-options.RetentionDays))
            .GroupBy(m => (Due: ClinicTime.LocalDate(DueAt(m)), m.PersonId, m.ConversationId))
            .OrderBy(g => g.Key.Due).ThenBy(g => g.Key.ConversationId)
            .Select(g => new TermPreviewItem(g.Key.Due, g.Key.PersonId, InboxTexts.PurposeTitle,
                string.Create(CultureInfo.InvariantCulture, $"{InboxTexts.Messages(g.Count())} входящих (беседа № {g.Key.ConversationId})"),
                "уничтожение сообщений", Reason))];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = now.UtcDateTime.AddDays(-options.RetentionDays);
        var due = store.MessagesBefore(cutoff);
        if (due.Count == 0)
        {
            return 0;
        }

        // RKN Order No. 179: the subjects by pseudonymous id only, what, the system, the method, the reason and the date.
        var subjects = string.Join(", ", due.Select(m => m.PersonId).Distinct(StringComparer.Ordinal));
        var act = new AuditEntry
        {
            TimeUtc = now.UtcDateTime,
            Kind = RequestAction.RetentionKind,
            Event = RequestAction.Destroyed,
            Channel = "",
            Actor = Actors.System,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"акт об уничтожении: {InboxTexts.Messages(due.Count)} входящих старше {options.RetentionDays} дней; субъекты: {subjects}; " +
                $"информационная система: PdBot; способ: стирание из базы данных; причина: {Reason}; дата: {RequestTexts.Date(ClinicTime.LocalDate(now))}"),
        };
        return await store.DestroyMessagesBeforeAsync(cutoff, [act], cancellationToken);
    }

    private const string Reason = "истёк срок хранения (п. 6.2.9 Политики)";

    private DateTimeOffset DueAt(ConversationMessage m) => new(DateTime.SpecifyKind(m.AtUtc, DateTimeKind.Utc).AddDays(options.RetentionDays), TimeSpan.Zero);
}
