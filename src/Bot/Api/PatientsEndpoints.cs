using System.Text.Json;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Admin.Subscribers;
using PdBot.Core.Patients;

namespace PdBot.Bot.Api;

/// <summary>
/// The clinic's systems and their patients (policy 2.3.2), scope <c>patients</c>: a one-time link that binds a patient
/// in the bot, and service notifications that go only to a bound patient whose consent holds.
/// </summary>
public static class PatientsEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/patients/{externalId}/link", LinkAsync)
            .WithTags("Пациенты")
            .WithName("createPatientLink")
            .WithSummary("Одноразовая ссылка для подключения пациента к уведомлениям")
            .WithDescription("Пациент открывает ссылку (Telegram или ВКонтакте) и даёт согласие на переписку — после этого он привязан к идентификатору пациента клиники. Новая ссылка заменяет неиспользованную прежнюю.")
            .Produces<PatientLinkResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/notifications", NotifyAsync)
            .WithTags("Пациенты")
            .WithName("sendPatientNotification")
            .WithSummary("Служебное уведомление пациенту (не реклама)")
            .WithDescription("Уходит, только если пациент подключён, его согласие на переписку действует и данные не заблокированы; иначе 409 с причиной. Ответы пациента (кнопки и сообщения) отправляются на Notifications:CallbackUrl с подписью X-PdBot-Signature.")
            .AddOpenApiOperationTransformer(ApiRequestBody.Of<PatientNotificationRequest>())
            .Produces<PatientNotificationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> LinkAsync(string externalId, HttpContext http, PatientService patients, IOptions<TelegramOptions> telegram, IOptions<VkOptions> vk)
    {
        if (PatientService.CheckExternalId(externalId) is { } error)
        {
            return ApiProblems.BadRequest([error]);
        }

        var (code, link) = await patients.CreateLinkAsync(externalId, ApiKeyFilter.KeyOf(http).Actor, http.RequestAborted);
        var links = SubscriptionLinks.Build(code, telegram.Value, vk.Value);
        return Results.Created((string?)null, new PatientLinkResponse(code, links.Telegram, links.Vk, new DateTimeOffset(DateTime.SpecifyKind(link.ExpiresAtUtc, DateTimeKind.Utc))));
    }

    private static async Task<IResult> NotifyAsync(HttpContext http, PatientService patients)
    {
        PatientNotificationRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PatientNotificationRequest>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest(["Тело запроса — не JSON нужного вида: ожидаются поля patientId, text и необязательный buttons."]);
        }

        if (body is null || string.IsNullOrWhiteSpace(body.PatientId))
        {
            return ApiProblems.BadRequest(["Укажите patientId — идентификатор пациента в системе клиники."]);
        }

        var result = await patients.NotifyAsync(body.PatientId, body.Text, body.Buttons, ApiKeyFilter.KeyOf(http).Actor, http.RequestAborted);
        if (result.Invalid.Count > 0)
        {
            return ApiProblems.BadRequest(result.Invalid);
        }

        if (result.Conflict is { } conflict)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Уведомление не отправлено.", [conflict]);
        }

        var n = result.Notification!;
        return Results.Created((string?)null, new PatientNotificationResponse(n.Id, n.ExternalId, "queued", new DateTimeOffset(DateTime.SpecifyKind(n.CreatedAtUtc, DateTimeKind.Utc))));
    }
}
