using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Alerts;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// The landing page: open alerts (a broken audit chain, sign-in bursts, updates set aside, deadlines) with «Принято»,
/// and how many requests are open, due soon and overdue. Accepting is for those who act, and is audited by <see cref="AlertBoard"/>.
/// </summary>
public sealed class IndexModel(RequestService requests, AlertBoard alerts) : AdminPageModel
{
    public int Open { get; private set; }

    public int DueSoon { get; private set; }

    public int Overdue { get; private set; }

    public IReadOnlyList<SystemAlert> Alerts { get; private set; } = [];

    public void OnGet()
    {
        Alerts = alerts.Open();
        var queue = requests.Queue().Where(r => r.DueDate is not null).ToList();
        Open = queue.Count;
        var left = queue.Select(requests.WorkingDaysLeft).ToList();
        Overdue = left.Count(d => d < 0);
        DueSoon = left.Count(d => d is >= 0 and <= 2);
    }

    /// <summary>«Принято»: the role is checked first, so a forged post from an auditor changes nothing.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync([FromForm] long id)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var done = await alerts.AcknowledgeAsync(id, AdminLogin, HttpContext.RequestAborted);
        (Flash, FlashIsError) = done
            ? (string.Create(CultureInfo.InvariantCulture, $"Оповещение № {id} принято."), false)
            : (string.Create(CultureInfo.InvariantCulture, $"Оповещение № {id} не найдено или уже принято. Ничего не изменено."), true);
        return LocalRedirect("/admin");
    }
}
