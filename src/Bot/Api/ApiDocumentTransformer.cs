using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PdBot.Bot.Api;

/// <summary>Names the API in its OpenAPI document and declares the bearer key every operation needs.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "PdBot API",
            Version = "v1",
            Description = "Рассылки клиники для её других систем. Ключ выдаёт администратор: `pdbot api-keys add --name ИМЯ --scope mailings` "
                + "или страница «Ключи API» консоли. Ошибки — application/problem+json, причины по-русски в поле errors.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer pdbot_…; неверный или отозванный ключ — 401, ключ другой области — 403.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
