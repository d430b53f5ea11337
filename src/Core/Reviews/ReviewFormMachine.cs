using Stateless;

namespace PdBot.Core.Reviews;

/// <summary>
/// The review form: text → (health words: «Исправить» back to the text / «Оставить как есть») → signature («Подписать
/// именем» asks the first name / «Анонимно») → confirm («Отправить отзыв»). A new text may be typed at the health question.
/// </summary>
public sealed class ReviewFormMachine
{
    private readonly StateMachine<ReviewFormStep, ReviewFormTrigger> _machine;

    public ReviewFormMachine(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        _machine = new StateMachine<ReviewFormStep, ReviewFormTrigger>(() => review.FormStep, s => review.FormStep = s);
        _machine.Configure(ReviewFormStep.Text)
            .Permit(ReviewFormTrigger.CleanText, ReviewFormStep.Signature)
            .PermitReentry(ReviewFormTrigger.Fix)
            .Permit(ReviewFormTrigger.HealthText, ReviewFormStep.ConfirmHealth);
        _machine.Configure(ReviewFormStep.ConfirmHealth)
            .Permit(ReviewFormTrigger.Fix, ReviewFormStep.Text)
            .Permit(ReviewFormTrigger.Keep, ReviewFormStep.Signature)
            .Permit(ReviewFormTrigger.CleanText, ReviewFormStep.Signature)
            .PermitReentry(ReviewFormTrigger.HealthText);
        _machine.Configure(ReviewFormStep.Signature)
            .Permit(ReviewFormTrigger.SignWithName, ReviewFormStep.Name)
            .Permit(ReviewFormTrigger.Anonymous, ReviewFormStep.Confirm);
        _machine.Configure(ReviewFormStep.Name)
            .Permit(ReviewFormTrigger.NameGiven, ReviewFormStep.Confirm)
            .Permit(ReviewFormTrigger.Anonymous, ReviewFormStep.Confirm);
    }

    public ReviewFormStep Step => _machine.State;

    public bool CanFire(ReviewFormTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the step allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(ReviewFormTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }
}
