using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Consultation;

/// <summary>
/// The free consultation request form (policy 2.3.1, purpose <c>consultation</c>): asked only after its consent.
/// SHELL: implemented by the consultation work (see ISSUE13.md).
/// </summary>
public sealed class ConsultationDialog
{
    /// <summary>A typed answer while the person's form is open; false when no form is open (nothing done).</summary>
    public Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The form's own buttons (answers, «Отмена», «Отменить заявку»); false for any other payload.</summary>
    public Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The consent is given: starts the form, or shows the person's open request.</summary>
    public Task StartAsync(ITurnContext turn, ConsentSession session, CancellationToken ct) => Task.CompletedTask;
}
