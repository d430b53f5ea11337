using System.Net;

namespace PdBot.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_operations_the_bearer_scheme_and_the_schemas()
    {
        await using var host = await ApiHost.StartAsync();
        using var anonymous = host.Client(null);

        var response = await anonymous.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await MailingsApiTests.Body(response);
        var paths = doc.GetProperty("paths");
        Assert.Equal(["/api/v1/mailings", "/api/v1/mailings/{id}", "/api/v1/mailings/{id}/cancel", "/api/v1/notifications", "/api/v1/patients/{externalId}/link"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("createPatientLink", paths.GetProperty("/api/v1/patients/{externalId}/link").GetProperty("post").GetProperty("operationId").GetString());
        var notification = paths.GetProperty("/api/v1/notifications").GetProperty("post");
        Assert.Equal("sendPatientNotification", notification.GetProperty("operationId").GetString());
        Assert.True(notification.GetProperty("responses").TryGetProperty("409", out _));
        Assert.Equal("#/components/schemas/PatientNotificationRequest",
            notification.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("createMailing", paths.GetProperty("/api/v1/mailings").GetProperty("post").GetProperty("operationId").GetString());
        Assert.True(paths.GetProperty("/api/v1/mailings").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
        var body = paths.GetProperty("/api/v1/mailings").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("#/components/schemas/CreateMailingRequest", body.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("getMailing", paths.GetProperty("/api/v1/mailings/{id}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("cancelMailing", paths.GetProperty("/api/v1/mailings/{id}/cancel").GetProperty("post").GetProperty("operationId").GetString());
        var components = doc.GetProperty("components");
        var bearer = components.GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.True(doc.GetProperty("security")[0].TryGetProperty("bearer", out _));
        var schemas = components.GetProperty("schemas");
        Assert.True(schemas.GetProperty("CreateMailingRequest").GetProperty("properties").TryGetProperty("sendAt", out _));
        Assert.True(schemas.GetProperty("MailingResponse").GetProperty("properties").TryGetProperty("statistics", out _));
        Assert.True(schemas.GetProperty("MailingStatistics").GetProperty("properties").TryGetProperty("unsubscribedWithin72Hours", out _));
    }
}
