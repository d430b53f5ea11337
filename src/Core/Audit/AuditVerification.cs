namespace PdBot.Core.Audit;

/// <summary>The result of checking the chain: how many entries are intact and, if any, the first bad one.</summary>
public sealed record AuditVerification(long IntactCount, long? FirstBadSeq, string? Problem)
{
    public bool IsIntact => FirstBadSeq is null;

    public static AuditVerification Intact(long count) => new(count, null, null);

    public static AuditVerification Broken(long intactCount, long firstBadSeq, string problem) => new(intactCount, firstBadSeq, problem);

    /// <summary>The problem as admins read it (the code stays in <see cref="Problem"/> for tools).</summary>
    public static string ProblemText(string? problem) => problem switch
    {
        "missing" => "запись отсутствует (удалена)",
        "out of order" => "нарушен порядок записей",
        "previous-hash link broken" => "не совпадает ссылка на хеш предыдущей записи",
        "user id altered" => "изменён идентификатор пользователя",
        "content altered" => "изменено содержимое записи",
        "head does not match the last entry" => "последняя запись не совпадает с сохранённой вершиной цепочки",
        _ => problem ?? "",
    };
}
