using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PdBot.Bot.Api;

/// <summary>
/// Declares an operation's JSON body in the OpenAPI document. The handlers read their bodies themselves (after the key
/// is checked, bounded, with Russian errors): <c>Accepts</c> would also make routing answer 415 before the key or the
/// body were looked at.
/// </summary>
public static class ApiRequestBody
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Of<T>() => async (operation, context, cancellationToken) =>
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
        context.Document?.AddComponent(typeof(T).Name, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(typeof(T).Name, context.Document) },
            },
        };
    };
}
