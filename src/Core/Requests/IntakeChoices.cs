using PdBot.Core.Text;
namespace PdBot.Core.Requests;

/// <summary>The questions answered with buttons, and their answers. A typed label counts as the press.</summary>
public static class IntakeChoices
{
    public const string Self = "Self";
    public const string Representative = "Representative";
    public const string NoJustification = "None";

    private static readonly IntakeChoice[] Applicant = [new(Self, "О себе"), new(Representative, "Как представитель")];

    private static readonly IntakeChoice[] Documents = [.. Enum.GetValues<IdentityDocumentType>().Select(t => new IntakeChoice(t.ToString(), DocumentLabel(t)))];

    private static readonly IntakeChoice[] Justification = [new(NoJustification, "Обоснования нет")];

    public static IReadOnlyList<IntakeChoice> For(IntakeStep step) => step switch
    {
        IntakeStep.Applicant => Applicant,
        IntakeStep.DocumentType => Documents,
        IntakeStep.Justification => Justification,
        _ => [],
    };

    /// <summary>Every label of every question: typed at another question, it is not an answer.</summary>
    public static IEnumerable<string> AllLabels => Applicant.Concat(Documents).Concat(Justification).Select(c => c.Label);

    /// <summary>The choice of <paramref name="step"/> that <paramref name="answer"/> names (its value or its label, typed in any case).</summary>
    public static IntakeChoice? Match(IntakeStep step, string answer)
    {
        var typed = ChatText.Normalize(answer);
        return For(step).FirstOrDefault(c => c.Value == answer || ChatText.Normalize(c.Label) == typed);
    }

    public static string DocumentLabel(IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.RussianPassport => "Паспорт РФ",
        IdentityDocumentType.ForeignPassport => "Паспорт иностранного гражданина",
        IdentityDocumentType.ResidencePermit => "Вид на жительство",
        _ => "Другой документ",
    };
}
