namespace PdBot.Bot.Api;

/// <summary>The API's refusals as RFC 9457 problem details (application/problem+json), in Russian, reasons under "errors".</summary>
public static class ApiProblems
{
    public static IResult BadRequest(IReadOnlyList<string> errors) =>
        Problem(StatusCodes.Status400BadRequest, "Неверный запрос; ничего не сохранено.", errors);

    public static IResult NotFound(long id) =>
        Problem(StatusCodes.Status404NotFound, "Рассылка не найдена.", [$"Рассылки № {id} нет (или она создана не этим ключом)."]);

    public static IResult Conflict(IReadOnlyList<string> errors) =>
        Problem(StatusCodes.Status409Conflict, "Действие недоступно в этом состоянии рассылки.", errors);

    public static IResult Unauthorized(string reason) =>
        Problem(StatusCodes.Status401Unauthorized, "Нужен действующий ключ API.", [reason]);

    public static IResult Forbidden(string reason) =>
        Problem(StatusCodes.Status403Forbidden, "Этому ключу API это не разрешено.", [reason]);

    public static IResult Problem(int status, string title, IReadOnlyList<string> errors) =>
        Results.Problem(
            title: title,
            detail: string.Join(" ", errors),
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
