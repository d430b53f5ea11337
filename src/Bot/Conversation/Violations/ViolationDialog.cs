using System.Collections.Concurrent;
using PdBot.Core.Alerts;
using PdBot.Core.Consent;
using PdBot.Core.Incidents;
using PdBot.Core.Text;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Violations;

/// <summary>
/// «Сообщить о нарушении» (and «мои данные утекли»…): one question, one answer. The answer opens an incident candidate
/// (its record: the text, who and when) and alerts operators at once; the person is told what happens next. Needs no
/// consent, works for a blocked person too: like /privacy, it is the clinic's legal duty.
/// </summary>
public sealed class ViolationDialog(IncidentService incidents, AlertBoard board, TimeProvider time)
{
    /// <summary>The payload action of the menu button and of «Отмена».</summary>
    public const string Action = "violation";

    public const string CancelArgument = "cancel";

    /// <summary>The longest summary kept: a report is one message, not a file.</summary>
    public const int MaxLength = 4000;

    /// <summary>An answer is expected this long after the question; later, a message is handled as usual.</summary>
    public static readonly TimeSpan QuestionLifetime = TimeSpan.FromMinutes(30);

    // Who was just asked «что произошло» (person id → when). In memory, like the unsubscribe question: after a
    // restart the answer reaches the operator inbox, which still gets it to a person.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _asked = new(StringComparer.Ordinal);

    public static Button MenuButton => new(ViolationTexts.Button, Action);

    public bool IsWaiting(ConsentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _asked.TryGetValue(session.Person.Id, out var at) && time.GetUtcNow() - at < QuestionLifetime;
    }

    /// <summary>The button or a recognised phrase: asks what happened.</summary>
    public async Task AskAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        await session.SaveAsync(ct);
        _asked[session.Person.Id] = time.GetUtcNow();
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(BotMessage.WithButtons(ViolationTexts.Ask, new Button(ViolationTexts.CancelButton, $"{Action}:{CancelArgument}")), ct);
    }

    /// <summary>«Отмена» pressed: nothing is recorded.</summary>
    public async Task CancelAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        _asked.TryRemove(session.Person.Id, out _);
        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(new BotMessage(ViolationTexts.Cancelled), ct);
    }

    /// <summary>A typed message while the question waits: the report (or «Отмена»); false when nothing waits.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (!IsWaiting(session))
        {
            return false;
        }

        if (RequestFormInput.IsCancel(text) || ChatText.Normalize(text) == ChatText.Normalize(ViolationTexts.CancelButton))
        {
            await CancelAsync(turn, session, ct);
            return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await session.SaveAsync(ct);
            await turn.SendAsync(new BotMessage(ViolationTexts.Empty), ct);
            return true;
        }

        _asked.TryRemove(session.Person.Id, out _);
        await session.SaveAsync(ct);
        var body = text.Trim();
        var summary = $"Сообщение субъекта в чате: {(body.Length > MaxLength ? body[..MaxLength] + "…" : body)}";
        var incident = await incidents.OpenCandidateAsync(IncidentSource.ChatReport, summary, time.GetUtcNow().UtcDateTime, session.Person.Id, ct);
        await board.RaiseAsync(AlertKinds.IncidentReported, $"incident-{incident.Id}", ViolationTexts.Alert(incident.Id), ct);
        await turn.SendAsync(new BotMessage(ViolationTexts.Recorded(incident.Id)), ct);
        return true;
    }
}
