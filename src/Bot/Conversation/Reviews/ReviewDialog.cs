using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Reviews;

/// <summary>
/// The review form (policy 2.3.1, 5.3, purpose <c>review</c>): asked only after its separate consent.
/// SHELL: implemented by the reviews work (see ISSUE13.md).
/// </summary>
public sealed class ReviewDialog
{
    /// <summary>A typed answer while the person's form is open; false when no form is open (nothing done).</summary>
    public Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The form's own buttons (signature, edit or confirm, «Отмена»); false for any other payload.</summary>
    public Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The consent is given: asks for the review text.</summary>
    public Task StartAsync(ITurnContext turn, ConsentSession session, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The review consent was withdrawn in this turn: every published review of the person is to be taken down at once.</summary>
    public Task OnWithdrawnAsync(ConsentSession session, CancellationToken ct) => Task.CompletedTask;
}
