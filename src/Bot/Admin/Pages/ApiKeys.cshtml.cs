using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.ApiKeys;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// Keys of the HTTP API: admins list, add and revoke them; auditors read the list. A new key is shown once, in the
/// answer to the POST itself (never through TempData, which would put it into a cookie).
/// </summary>
[Authorize(Policy = AdminPolicies.Audit)]
public sealed class ApiKeysModel(ApiKeyService keys) : AdminPageModel
{
    [BindProperty]
    public string? NewName { get; set; }

    /// <summary>The new key's scope: "mailings" (default) or "patients".</summary>
    [BindProperty]
    public string? NewScope { get; set; }

    public IReadOnlyList<ApiKey> List { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The key just made; shown on this one response only.</summary>
    public string? NewSecret { get; private set; }

    public string? NewSecretName { get; private set; }

    public void OnGet() => List = keys.All();

    /// <summary>POST /admin/api-keys: makes a key of the chosen scope and shows it once.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var created = await keys.CreateAsync(NewName ?? "", string.IsNullOrEmpty(NewScope) ? ApiKeyScopes.Mailings : NewScope, AdminLogin);
        if (!created.Ok)
        {
            Errors = [Sentence(created.Problem!)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            (NewSecret, NewSecretName, NewName) = (created.Secret, created.Key!.Name, null);
        }

        List = keys.All();
        return Page();
    }

    /// <summary>POST /admin/api-keys/revoke: calls with the key get 401 from now on.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string? name)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var problem = await keys.RevokeAsync(name ?? "", AdminLogin);
        (Flash, FlashIsError) = problem is null ? ($"Ключ «{ApiKey.Normalize(name!)}» отозван.", false) : (Sentence(problem), true);
        return RedirectToPage();
    }

    private static string Sentence(string problem) => char.ToUpperInvariant(problem[0]) + problem[1..] + ".";
}
