using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>The consent prompt: policy link, the verbatim consent text, the checkbox, «Отправить» and «Не согласен(на)».</summary>
public static class ConsentPrompt
{
    public static BotMessage Build(PurposeOptions purpose, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(op);
        var text = $"{purpose.Title}\n\n{purpose.Text}\n\n{BotTexts.PolicyLine}{op.PolicyUrl}\n\n{BotTexts.PromptFooter}";
        return new BotMessage(text, Buttons(purpose, ticked: false));
    }

    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(PurposeOptions purpose, bool ticked)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var box = ticked
            ? new Button($"{BotTexts.Checked} {purpose.Label}", new Payload(Payload.Untick, purpose.Id).ToString())
            : new Button($"{BotTexts.Unchecked} {purpose.Label}", new Payload(Payload.Tick, purpose.Id).ToString());
        return
        [
            [box],
            [new Button(BotTexts.SubmitButton, new Payload(Payload.Submit, purpose.Id).ToString())],
            [new Button(BotTexts.DeclineButton, new Payload(Payload.Decline, purpose.Id).ToString())],
        ];
    }

    /// <summary>
    /// The form the person is looking at: the most recently shown or ticked one still open. At equal times a form
    /// the person opened from the menu wins over the default one shown to everybody first.
    /// </summary>
    public static PurposeOptions? LatestOpen(ConsentCatalog catalog, ConsentSession session)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(session);
        return catalog.Purposes
            .Select(p => (Purpose: p, Record: session.RecordOf(p.Id)))
            .Where(x => x.Record?.State is ConsentState.Offered or ConsentState.Ticked)
            .OrderByDescending(x => x.Record!.UpdatedAtUtc)
            .ThenBy(x => x.Purpose.Id == catalog.Default.Id)
            .Select(x => x.Purpose)
            .FirstOrDefault();
    }
}
