using System.Globalization;
using System.Text;
using PdBot.Core.Requests;

namespace PdBot.Core.Reviews;

/// <summary>The person's reviews in the access answer (policy 6.1.1): states and where they were published.</summary>
public sealed class ReviewAccessSection(IReviewStore store) : IAccessReportSection
{
    public string? Describe(string personId)
    {
        var reviews = store.OfPerson(personId).Where(r => r.State != ReviewState.Draft).ToList();
        if (reviews.Count == 0)
        {
            return null;
        }

        var s = new StringBuilder("Отзывы (цель «публикация отзывов», п. 2.3.1, 5.3 Политики; хранятся до отзыва согласия):");
        foreach (var r in reviews)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n— отзыв № {r.Id}, получен {r.ReceivedAtUtc:dd.MM.yyyy}: {ReviewLabels.State(r.State)}");
            if (r.PublishedUrl is not null)
            {
                s.Append(CultureInfo.InvariantCulture, $"; опубликован {r.PublishedOn:dd.MM.yyyy} по адресу {r.PublishedUrl}");
            }

            if (r.TakenDownAtUtc is { } down)
            {
                s.Append(CultureInfo.InvariantCulture, $"; снят {down:dd.MM.yyyy}");
            }

            s.Append(r.Text is null ? "; текст удалён" : $"; подпись: {r.Signature}");
        }

        return s.ToString();
    }
}
