using PdBot.Core.ApiKeys;

namespace PdBot.Bot.Api;

/// <summary>
/// The HTTP API for the clinic's other systems under <c>/api/v1</c>, and its OpenAPI document. It stands apart from
/// the console: the console's cookie (scoped to /admin) is never read here, and an API key opens nothing there.
/// No antiforgery either: there is no cookie to forge a request with.
/// </summary>
public static class PdBotApi
{
    public const string Prefix = "/api/v1";

    public const string DocumentPath = Prefix + "/openapi.json";

    /// <summary>The OpenAPI document's name: <c>MapOpenApi</c> without a {documentName} in its route serves "v1".</summary>
    private const string DocumentName = "v1";

    public static IServiceCollection AddPdBotApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    public static WebApplication MapPdBotApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).DisableAntiforgery();
        Scoped(api, ApiKeyScopes.Mailings).MapMailings();
        Scoped(api, ApiKeyScopes.Patients).MapPatients();
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }

    /// <summary>Operations that need a key of <paramref name="scope"/>.</summary>
    private static RouteGroupBuilder Scoped(RouteGroupBuilder api, string scope) =>
        api.MapGroup("").AddEndpointFilter((context, next) => ActivatorUtilities
            .CreateInstance<ApiKeyFilter>(context.HttpContext.RequestServices, scope)
            .InvokeAsync(context, next));
}
