using PdBot.Core.Consent;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>The intake questions (policy 6.1.2), each with its answer buttons and «Отмена»: no message leaves a person without a way on.</summary>
public static class RequestPrompts
{
    public const string CancelButton = "Отмена";
    public const string RestartButton = "Начать заново";
    private const string CancelHint = "\n\nОтменить запрос: кнопка «Отмена» или слово «отмена».";

    /// <summary>The stop-processing request's choice of every purpose (the payload's argument).</summary>
    public const string AllPurposes = "all";
    public const string AllPurposesButton = "Для всех целей";

    public static BotMessage Question(SubjectRequest r, IntakeStep step, ConsentCatalog catalog, ConsentSession session, string? error)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(session);
        var lead = error is null ? "" : error + "\n\n";
        if (step == IntakeStep.Purpose)
        {
            var given = catalog.Purposes.Where(p => session.StateOf(p.Id) is ConsentState.Given or ConsentState.NeedsRenewal)
                .Select(p => new Button(p.Title, new Payload(Payload.RequestPurpose, p.Id).ToString()));
            return r.Type == RequestType.StopProcessing
                ? BotMessage.WithButtons(lead + "Для какой цели прекратить обработку?" + CancelHint,
                    [.. given, new Button(AllPurposesButton, new Payload(Payload.RequestPurpose, AllPurposes).ToString()), Cancel])
                : BotMessage.WithButtons(lead + "Какое согласие отозвать?" + CancelHint, [.. given, Cancel]);
        }

        var choices = IntakeChoices.For(step).Select(c => new Button(c.Label, new Payload(RequestFormPayload.Choice, c.Value).ToString()));
        return BotMessage.WithButtons(lead + Text(r, step) + CancelHint, [.. choices, Cancel]);
    }

    /// <summary>Where to go after the form closed (cancelled, expired, nothing to withdraw).</summary>
    public static BotMessage Closed(string text, RequestType? restart = null)
    {
        Button[] again = restart is { } type ? [new Button(RestartButton, new Payload(Payload.Request, type.ToString()).ToString())] : [];
        return BotMessage.WithButtons(text, [.. again,
            new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString()),
            new Button(BotTexts.MyDataButton, new Payload(Payload.MyData).ToString())]);
    }

    /// <summary>How the document appears in replies: its kind and the number masked, and the power of attorney for a representative.</summary>
    public static string Document(SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var document = $"Документ: {IdentitySummary.Document(r)}.";
        return IdentitySummary.Representative(r) is { } by ? $"{document}\nЗапрос подан {by}." : document;
    }

    private static Button Cancel => new(CancelButton, new Payload(RequestFormPayload.Cancel).ToString());

    private static string Text(SubjectRequest r, IntakeStep step) => step switch
    {
        IntakeStep.Applicant => $"Запрос «{RequestTexts.Title(r.Type)}». По закону в запросе нужны данные документа, удостоверяющего личность, " +
            "а если запрос подаёт представитель — и документа о его полномочиях (п. 6.1.2 Политики).\n\nВы подаёте запрос о себе или как представитель?",
        IntakeStep.DocumentType => r.ByRepresentative ? "Каким документом вы, представитель, удостоверяете свою личность?" : "Каким документом вы удостоверяете личность?",
        IntakeStep.DocumentName => "Как называется документ?",
        IntakeStep.Document => (r.DocumentType ?? IdentityDocumentType.RussianPassport) switch
        {
            IdentityDocumentType.RussianPassport => "Введите серию и номер паспорта — 4 + 6 цифр, например 4510 123456.",
            IdentityDocumentType.ResidencePermit => "Введите серию и номер вида на жительство — 2 + 7 цифр, например 82 1234567.",
            IdentityDocumentType.ForeignPassport => "Введите номер паспорта иностранного гражданина, как в документе (буквы и цифры).",
            _ => "Введите серию и номер документа, как в нём записано.",
        },
        IntakeStep.IssuedOn => "Дата выдачи документа (ДД.ММ.ГГГГ):",
        IntakeStep.Issuer => "Кем выдан документ (как записано в нём):",
        IntakeStep.AttorneyNumber => "Номер доверенности (или иного документа, подтверждающего ваши полномочия):",
        IntakeStep.AttorneyIssuedOn => "Дата выдачи доверенности (ДД.ММ.ГГГГ):",
        IntakeStep.AttorneyIssuer => "Кем выдана доверенность и от чьего имени (например, «нотариус Иванова И. И., от имени Петрова П. П.»):",
        IntakeStep.Relation => r.ByRepresentative
            ? "Что подтверждает отношения представляемого с клиникой: номер или дата договора, либо как он с нами связан (например, «пациент, договор № 77»):"
            : "Что подтверждает ваши отношения с клиникой: номер или дата договора, либо как вы с нами связаны (например, «подписчик рассылки ВКонтакте»):",
        IntakeStep.Statement => r.Type switch
        {
            RequestType.Correction => "Какие данные неточны и как будет правильно?",
            RequestType.Destruction => "Какие данные уничтожить и почему (получены незаконно или не нужны для цели обработки)?",
            RequestType.Blocking => "Какие данные заблокировать и почему?",
            _ => "Обработку каких данных прекратить?",
        },
        IntakeStep.Justification => "Вы уже запрашивали эти сведения менее 30 дней назад. Повторный запрос возможен, если сведения были предоставлены не полностью (ч. 5 ст. 14 152-ФЗ). " +
            "Напишите обоснование или нажмите «Обоснования нет».",
        _ => "",
    };
}
