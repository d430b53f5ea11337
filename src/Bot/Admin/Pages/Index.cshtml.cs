using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The landing page: how many requests are open, due soon and overdue.</summary>
public sealed class IndexModel(RequestService requests) : AdminPageModel
{
    public int Open { get; private set; }

    public int DueSoon { get; private set; }

    public int Overdue { get; private set; }

    public void OnGet()
    {
        var queue = requests.Queue().Where(r => r.DueDate is not null).ToList();
        Open = queue.Count;
        var left = queue.Select(requests.WorkingDaysLeft).ToList();
        Overdue = left.Count(d => d < 0);
        DueSoon = left.Count(d => d is >= 0 and <= 2);
    }
}
