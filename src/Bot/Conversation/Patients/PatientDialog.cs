using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Patients;

/// <summary>
/// Patients of the clinic (policy 2.3.2, purpose <c>patient</c>): the one-time link binds a person to the clinic's
/// patient id after the patient consent; answers to notifications go to the clinic's system and the inbox.
/// SHELL: implemented by the patients work (see ISSUE13.md).
/// </summary>
public sealed class PatientDialog
{
    /// <summary>The turn came through a patient link (<c>Activity.Source</c> is a link code): offers the patient consent or binds; false otherwise.</summary>
    public Task<bool> OnArrivalAsync(ITurnContext turn, ConsentSession session, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The patient consent was just given: binds the link the person came through, if any, and says so.</summary>
    public Task OnConsentGivenAsync(ITurnContext turn, ConsentSession session, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A notification's buttons («Подтверждаю», «Перенести», «Отменить»); false for any other payload.</summary>
    public Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct) => Task.FromResult(false);

    /// <summary>A linked patient's typed message: sent on to the clinic's system (and the inbox); false when the person is not a linked patient.</summary>
    public Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct) => Task.FromResult(false);
}
