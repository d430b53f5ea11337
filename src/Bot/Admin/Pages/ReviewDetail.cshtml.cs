using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Reviews;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One review: text, signature, the person's decision about health words, history, and the actions its state permits
/// («Опубликован» with URL and date, «Снят», «Отклонить»); each audited. Opening it is a <c>viewed</c> audit entry.
/// </summary>
[Authorize(Policy = AdminPolicies.Act)]
public sealed class ReviewDetailModel(ReviewService reviews) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public Review Current { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>What the operator typed, shown again after an error so nothing is lost.</summary>
    public string? TypedUrl { get; private set; }

    public string? TypedDate { get; private set; }

    public string HealthDecision => Current switch
    {
        { HealthWordsKept: true } => "в тексте есть сведения о здоровье, автор оставил как есть — уберите их перед публикацией (п. 5.3 Политики)",
        { HealthWordsFixed: true } => "автор исправил текст после предупреждения о сведениях о здоровье",
        _ => "сведений о здоровье не найдено",
    };

    public bool Can(ReviewTrigger trigger) => CanAct && ReviewService.MachineFor(Current).CanFire(trigger);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Load() is { } missing)
        {
            return missing;
        }

        await AuditViewAsync(string.Create(CultureInfo.InvariantCulture, $"review {Id}"), Current.PersonId);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string? url, string? publishedOn)
    {
        if (Load() is { } missing)
        {
            return missing;
        }

        DateOnly? on = DateOnly.TryParseExact(publishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var errors = reviews.ValidatePublication(url, on).ToList();
        if (!string.IsNullOrWhiteSpace(publishedOn) && on is null)
        {
            errors.RemoveAll(e => e.StartsWith("Укажите дату", StringComparison.Ordinal));
            errors.Add("Дата публикации не распознана: укажите её в формате ДД.ММ.ГГГГ.");
        }

        if (errors.Count > 0)
        {
            (Errors, TypedUrl, TypedDate) = (errors, url, publishedOn);
            await AuditViewAsync(string.Create(CultureInfo.InvariantCulture, $"review {Id}"), Current.PersonId);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Done(await reviews.PublishAsync(Id, url!.Trim(), on!.Value, AdminLogin, HttpContext.RequestAborted), "Отзыв № {0} отмечен как опубликованный.");
    }

    public async Task<IActionResult> OnPostTakeDownAsync() =>
        Load() ?? Done(await reviews.TakeDownAsync(Id, AdminLogin, HttpContext.RequestAborted), "Отзыв № {0} отмечен как снятый; текст и подпись удалены.");

    public async Task<IActionResult> OnPostRejectAsync() =>
        Load() ?? Done(await reviews.RejectAsync(Id, AdminLogin, HttpContext.RequestAborted), "Отзыв № {0} отклонён.");

    // The role is checked before anything else, so a forged post from an auditor changes nothing and says nothing.
    private IActionResult? Load()
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (reviews.Store.Find(Id) is not { State: not ReviewState.Draft } r)
        {
            return NotFound();
        }

        Current = r;
        return null;
    }

    // Post-redirect-get: a reload does not repeat the action.
    private LocalRedirectResult Done(string? error, string done)
    {
        (Flash, FlashIsError) = (error ?? string.Format(CultureInfo.InvariantCulture, done, Id), error is not null);
        return LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/admin/reviews/{Id}"));
    }
}
