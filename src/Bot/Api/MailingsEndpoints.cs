using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PdBot.Core.ApiKeys;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Api;

/// <summary>
/// <c>/api/v1/mailings</c>: create (and submit) a mailing, read its state and statistics, cancel it. A key sees only
/// the mailings it created: another system's or the console's mailings are not its to read or cancel.
/// </summary>
public static class MailingsEndpoints
{
    public const string Path = "/mailings";

    public static RouteGroupBuilder MapMailings(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var mailings = api.MapGroup(Path).WithTags("Рассылки");
        mailings.MapPost("", CreateAsync)
            .WithName("createMailing")
            .WithSummary("Создать рассылку и запланировать её")
            .WithDescription("Проверяет и сохраняет рассылку и сразу планирует её (при Mailings:RequireApproval — отправляет на одобрение администратору: state = AwaitingApproval).")
            .AddOpenApiOperationTransformer(ApiRequestBody.Of<CreateMailingRequest>())
            .Produces<MailingResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        mailings.MapGet("/{id:long}", Get)
            .WithName("getMailing")
            .WithSummary("Состояние и статистика рассылки")
            .Produces<MailingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        mailings.MapPost("/{id:long}/cancel", CancelAsync)
            .WithName("cancelMailing")
            .WithSummary("Отменить рассылку")
            .WithDescription("Получатели, до которых очередь ещё не дошла, сообщения не получат.")
            .Produces<MailingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return mailings;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, MailingService service, IConsentStore consents, ConsentCatalog catalog)
    {
        var (draft, errors) = await MailingRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (draft is null)
        {
            return ApiProblems.BadRequest(errors);
        }

        var actor = Actor(http);
        var created = await service.CreateAsync(draft, actor, http.RequestAborted);
        if (!created.Ok)
        {
            return ApiProblems.BadRequest(created.Errors);
        }

        var id = created.Mailing!.Id;
        var submitted = await service.SubmitAsync(id, actor, http.RequestAborted);
        if (!submitted.Ok)
        {
            return ApiProblems.Conflict([$"Рассылка № {id} сохранена черновиком, но не запланирована.", .. submitted.Errors]);
        }

        return Results.Created($"{PdBotApi.Prefix}{Path}/{id}", Response(submitted.Mailing!, service, consents, catalog));
    }

    private static IResult Get(long id, HttpContext http, MailingService service, IMailingStore store, IConsentStore consents, ConsentCatalog catalog) =>
        Own(http, store, id) is { } mailing ? Results.Ok(Response(mailing, service, consents, catalog)) : ApiProblems.NotFound(id);

    private static async Task<IResult> CancelAsync(long id, HttpContext http, MailingService service, IMailingStore store, IConsentStore consents, ConsentCatalog catalog)
    {
        if (Own(http, store, id) is null)
        {
            return ApiProblems.NotFound(id);
        }

        var result = await service.CancelAsync(id, Actor(http), http.RequestAborted);
        return result.Ok ? Results.Ok(Response(result.Mailing!, service, consents, catalog)) : ApiProblems.Conflict(result.Errors);
    }

    private static MailingActor Actor(HttpContext http) => new(ApiKeyFilter.KeyOf(http).Actor, IsAdmin: false);

    private static Mailing? Own(HttpContext http, IMailingStore store, long id) =>
        store.Find(id) is { } m && string.Equals(m.CreatedBy, ApiKeyFilter.KeyOf(http).Actor, StringComparison.Ordinal) ? m : null;

    private static MailingResponse Response(Mailing mailing, MailingService service, IConsentStore consents, ConsentCatalog catalog) =>
        MailingResponse.From(mailing, service.Statistics(mailing.Id, consents, catalog.Mailing.Id));
}
