using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>
/// What the new-mailing and edit-draft pages share: the form, its preview, and saving (optionally scheduling) through
/// <see cref="MailingService"/>. A refused form comes back with every field as typed and the errors in Russian.
/// </summary>
public abstract class MailingComposePageModel(MailingService mailings) : AdminPageModel
{
    [BindProperty]
    public MailingForm Form { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Shown after «Предпросмотр» or a refused save.</summary>
    public IReadOnlyList<MailingPreview> Previews { get; private set; } = [];

    public MailingOptions Options => mailings.Options;

    public string QuietHours => mailings.Hours.ToString();

    /// <summary>Null while composing a new mailing.</summary>
    public abstract long? MailingId { get; }

    public IActionResult OnPostPreview()
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var errors = FormErrors();
        errors.AddRange(mailings.Check(Form.ToDraft().Draft));
        return Show(errors, status: StatusCodes.Status200OK);
    }

    public Task<IActionResult> OnPostSaveAsync() => StoreAsync(schedule: false);

    public Task<IActionResult> OnPostScheduleAsync() => StoreAsync(schedule: true);

    private async Task<IActionResult> StoreAsync(bool schedule)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var (draft, errors) = Form.ToDraft();
        var all = FormErrors();
        all.AddRange(errors);
        all.AddRange(mailings.Check(draft));
        if (all.Count > 0)
        {
            return Show(all, StatusCodes.Status400BadRequest);
        }

        var actor = new MailingActor(AdminLogin, IsAdmin);
        var ct = HttpContext.RequestAborted;
        var result = MailingId is { } id ? await mailings.UpdateAsync(id, draft, actor, ct) : await mailings.CreateAsync(draft, actor, ct);
        if (!result.Ok)
        {
            return Show([.. result.Errors], StatusCodes.Status400BadRequest);
        }

        var mailing = result.Mailing!;
        (Flash, FlashIsError) = ($"Черновик рассылки № {mailing.Id} сохранён.", false);
        if (schedule)
        {
            var submitted = await mailings.SubmitAsync(mailing.Id, actor, ct);
            (Flash, FlashIsError) = submitted.Ok
                ? (MailingActionResult.Done(MailingTrigger.Submit, submitted.Mailing!), false)
                : (string.Join(" ", submitted.Errors), true);
        }

        return LocalRedirect($"{AdminConsole.Path}/mailings/{mailing.Id}");
    }

    private PageResult Show(List<string> errors, int status)
    {
        Errors = errors;
        Previews = MailingPreview.For(Form.ToPreview());
        Response.StatusCode = errors.Count > 0 ? status : StatusCodes.Status200OK;
        return Page();
    }

    /// <summary>Values the model binder could not read (a forged kind, say).</summary>
    private List<string> FormErrors() =>
        [.. ModelState.Where(kv => kv.Value?.Errors.Count > 0).Select(kv => $"Неверное значение поля «{kv.Key}»: выберите из списка.")];
}
