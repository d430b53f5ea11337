namespace PdBot.Bot.Admin.Pages;

/// <summary>Where a signed-in admin lands after trying something their role may not do.</summary>
public sealed class DeniedModel : AdminPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
