using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Consent;
using PdBot.Core.Labels;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The exact text of one consent version, with its hash recomputed and compared to the log row's.</summary>
public sealed class ConsentTextModel(IConsentStore store, ConsentCatalog catalog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Purpose { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Version { get; set; }

    /// <summary>The hash written in the log row the admin came from.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Hash { get; set; }

    public ConsentText? Text { get; private set; }

    public string PurposeTitle => RussianLabels.Purpose(catalog, Purpose);

    public IActionResult OnGet()
    {
        Text = store.FindText(Purpose, Version);
        if (Text is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
