using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>The intake questions (policy 6.1.2), each with how to answer and how to cancel.</summary>
public static class RequestPrompts
{
    private const string CancelHint = "\n\nОтменить запрос: «Отмена».";

    public static BotMessage Question(SubjectRequest r, IntakeStep step, ConsentCatalog catalog, ConsentSession session, string? error)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(session);
        var lead = error is null ? "" : error + "\n\n";
        if (step == IntakeStep.Purpose)
        {
            var given = catalog.Purposes.Where(p => session.StateOf(p.Id) is ConsentState.Given or ConsentState.NeedsRenewal)
                .Select(p => new Button(p.Title, new Payload(Payload.RequestPurpose, p.Id).ToString())).ToArray();
            return given.Length == 0
                ? new BotMessage(lead + "Действующих согласий нет — отзывать нечего." + CancelHint)
                : BotMessage.WithButtons(lead + "Какое согласие отозвать?" + CancelHint, given);
        }

        return new BotMessage(lead + Text(r, step) + CancelHint);
    }

    private static string Text(SubjectRequest r, IntakeStep step) => step switch
    {
        IntakeStep.Document => $"Запрос «{RequestTexts.Title(r.Type)}». По закону в запросе нужны данные документа, удостоверяющего личность (п. 6.1.2 Политики).\n\nВведите серию и номер паспорта — 4 + 6 цифр, например 4510 123456.",
        IntakeStep.IssuedOn => "Дата выдачи паспорта (ДД.ММ.ГГГГ):",
        IntakeStep.Issuer => "Кем выдан паспорт (как записано в документе):",
        IntakeStep.Relation => "Что подтверждает ваши отношения с клиникой: номер или дата договора, либо как вы с нами связаны (например, «подписчик рассылки ВКонтакте»):",
        IntakeStep.Statement => r.Type switch
        {
            RequestType.Correction => "Какие данные неточны и как будет правильно?",
            RequestType.Destruction => "Какие данные уничтожить и почему (получены незаконно или не нужны для цели обработки)?",
            RequestType.Blocking => "Какие данные заблокировать и почему?",
            _ => "Обработку каких данных прекратить?",
        },
        IntakeStep.Justification => "Вы уже запрашивали эти сведения менее 30 дней назад. Повторный запрос возможен, если сведения были предоставлены не полностью (ч. 5 ст. 14 152-ФЗ). Укажите обоснование или напишите «нет».",
        _ => "",
    };
}
