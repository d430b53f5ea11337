using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;
using PdBot.Core.Retention;

namespace PdBot.Core.Reviews;

/// <summary>
/// The review registry: drafts from the chat, sending (operators alerted without personal data), publication,
/// take-down and rejection by operators, and the withdrawal of the review consent (ст. 10.1 152-ФЗ: publication
/// stops at once). Every change is stored with its audit entry (kind "review") before anyone is told.
/// </summary>
public sealed class ReviewService(IReviewStore store, ReviewOptions options, RequestOptions alerts, TimeProvider time) : IDistributionWithdrawal
{
    public const string AuditKind = "review";

    public IReviewStore Store => store;

    public ReviewOptions Options => options;

    public DateOnly Today => ClinicTime.LocalDate(time.GetUtcNow());

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static ReviewMachine MachineFor(Review review) => new(review);

    /// <summary>A new form for the person (an unfinished one is replaced).</summary>
    public async Task<Review> StartDraftAsync(Person person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (store.DraftOf(person.Id) is { } old)
        {
            await store.DeleteDraftAsync(old.Id, ct);
        }

        var r = new Review { Id = store.NextId(), PersonId = person.Id, Channel = person.Channel, CreatedAtUtc = Now, LastActivityAtUtc = Now };
        await store.SaveAsync(r, [], [], ct);
        return r;
    }

    public Task SaveDraftAsync(Review draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.LastActivityAtUtc = Now;
        return store.SaveAsync(draft, [], [], ct);
    }

    public Task DropDraftAsync(Review draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return store.DeleteDraftAsync(draft.Id, ct);
    }

    /// <summary>The person sends the review: received, operators alerted («Новый отзыв № N», nothing personal).</summary>
    public async Task<bool> SubmitAsync(Review draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!MachineFor(draft).TryFire(ReviewTrigger.Submit))
        {
            return false;
        }

        draft.ReceivedAtUtc = Now;
        Note(draft, Actors.Person, draft.HealthWordsKept ? "получен; о здоровье оставлено как есть — уберите такие сведения перед публикацией" : "получен");
        var alert = OperatorAlert.Build(alerts, Invariant($"Новый отзыв № {draft.Id}: откройте раздел «Отзывы» в консоли."), Now);
        await store.SaveAsync(draft, alert is null ? [] : [alert], [Entry(draft, "received", Actors.Person)], ct);
        return true;
    }

    /// <summary>The operator records where and when the review was published; null when done, otherwise a Russian reason.</summary>
    public Task<string?> PublishAsync(long id, string url, DateOnly publishedOn, string login, CancellationToken ct = default) =>
        ActAsync(id, ReviewTrigger.Publish, login, r =>
        {
            (r.PublishedUrl, r.PublishedOn, r.PublishedAtUtc, r.PublishedBy) = (url, publishedOn, Now, login);
            return Invariant($"опубликован {publishedOn:dd.MM.yyyy}: {url}");
        }, ct);

    /// <summary>The operator removed it from the site: who and when is kept, the text is erased.</summary>
    public Task<string?> TakeDownAsync(long id, string login, CancellationToken ct = default) =>
        ActAsync(id, ReviewTrigger.TakeDown, login, r =>
        {
            (r.TakenDownAtUtc, r.TakenDownBy) = (Now, login);
            r.EraseText();
            return "снят с публикации; текст и подпись удалены";
        }, ct);

    public Task<string?> RejectAsync(long id, string login, CancellationToken ct = default) =>
        ActAsync(id, ReviewTrigger.Reject, login, r =>
        {
            (r.ClosedAtUtc, r.ClosedBy) = (Now, login);
            return "отклонён, не будет опубликован";
        }, ct);

    /// <summary>
    /// The review consent is withdrawn (menu or request): each published review goes to «снять немедленно» with an
    /// alert at once; an unpublished one is withdrawn and its text destroyed; an open form is dropped. Safe to run again.
    /// </summary>
    public async Task OnWithdrawnAsync(string personId, CancellationToken ct = default)
    {
        if (store.DraftOf(personId) is { } draft)
        {
            await store.DeleteDraftAsync(draft.Id, ct);
        }

        foreach (var r in store.OfPerson(personId).Where(r => r.State is ReviewState.Received or ReviewState.Published))
        {
            var published = r.State == ReviewState.Published;
            MachineFor(r).TryFire(ReviewTrigger.ConsentWithdrawn);
            OutboxMessage? alert = null;
            if (published)
            {
                r.TakeDownRequestedAtUtc = Now;
                Note(r, Actors.System, "согласие на публикацию отозвано: снять немедленно");
                alert = OperatorAlert.Build(alerts, Invariant($"Снимите отзыв № {r.Id} немедленно: согласие на публикацию отозвано (ст. 10.1 152-ФЗ)."), Now);
            }
            else
            {
                (r.ClosedAtUtc, r.ClosedBy) = (Now, Actors.System);
                r.EraseText();
                Note(r, Actors.System, "согласие отозвано до публикации: текст и подпись удалены");
            }

            await store.SaveAsync(r, alert is null ? [] : [alert], [Entry(r, published ? "take-down-now" : "withdrawn", Actors.System)], ct);
        }
    }

    Task IDistributionWithdrawal.OnWithdrawnAsync(Person person, CancellationToken ct) =>
        OnWithdrawnAsync(person?.Id ?? throw new ArgumentNullException(nameof(person)), ct);

    /// <summary>Checks the operator's publication fields; a Russian error per field, none when valid.</summary>
    public IReadOnlyList<string> ValidatePublication(string? url, DateOnly? publishedOn)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add("Укажите адрес публикации (ссылку на отзыв на сайте или во ВКонтакте).");
        }
        else if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("Адрес публикации должен быть полной ссылкой, начинающейся с http:// или https://.");
        }

        if (publishedOn is null)
        {
            errors.Add("Укажите дату публикации.");
        }
        else if (publishedOn > Today)
        {
            errors.Add("Дата публикации не может быть в будущем.");
        }

        return errors;
    }

    private async Task<string?> ActAsync(long id, ReviewTrigger trigger, string login, Func<Review, string> apply, CancellationToken ct)
    {
        if (store.Find(id) is not { } r || r.State == ReviewState.Draft)
        {
            return Invariant($"Отзыв № {id} не найден.");
        }

        if (!MachineFor(r).TryFire(trigger))
        {
            return Invariant($"Это действие недоступно: отзыв № {id} в состоянии «{ReviewLabels.State(r.State)}». Ничего не изменено.");
        }

        Note(r, login, apply(r));
        await store.SaveAsync(r, [], [Entry(r, trigger switch
        {
            ReviewTrigger.Publish => "published",
            ReviewTrigger.TakeDown => "taken-down",
            _ => "rejected",
        }, login)], ct);
        return null;
    }

    private void Note(Review r, string actor, string what) => r.History.Add(new ReviewHistoryItem { AtUtc = Now, Actor = actor, What = what });

    private AuditEntry Entry(Review r, string evt, string actor) => new()
    {
        TimeUtc = Now,
        Kind = AuditKind,
        Event = evt,
        Channel = r.Channel,
        PersonId = r.PersonId,
        Actor = actor,
        Detail = Invariant($"отзыв № {r.Id}"),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
