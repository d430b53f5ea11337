using PdBot.Core.Audit;

namespace PdBot.Core.Mailings;

/// <summary>
/// Every change to a mailing, from the console, the API, the CLI or the runner: checked, moved through
/// <see cref="MailingMachine"/>, and stored together with its audit entry.
/// </summary>
public sealed class MailingService(IMailingStore store, MailingOptions options, TimeProvider time)
{
    public const int MaxLinks = 5;
    public const int MaxLinkLabel = 40;

    public MailingOptions Options => options;

    public QuietHours Hours { get; } = QuietHours.Parse(options.QuietHours);

    /// <summary>What is wrong with a draft (Russian, one line each); empty when it can be stored.</summary>
    public IReadOnlyList<string> Check(MailingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<string>();
        var text = draft.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("Текст рассылки пуст.");
        }

        var channels = draft.Channels ?? [];
        if (channels.Count == 0)
        {
            errors.Add("Выберите канал: ВКонтакте, Telegram или оба.");
        }

        foreach (var channel in channels.Select(c => (c ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            if (!MailingChannels.All.Contains(channel, StringComparer.Ordinal))
            {
                errors.Add($"Неизвестный канал «{channel}»: допустимы «vk» и «telegram».");
            }
            else if (text.Length > MailingChannels.TextLimit(channel))
            {
                errors.Add($"Текст длиннее, чем допускает {MailingChannels.Title(channel)}: {text.Length} символов при пределе {MailingChannels.TextLimit(channel)}.");
            }
        }

        if (options.Topics.Count > 0 && options.FindTopic(draft.Topic) is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(draft.Topic)
                ? "Выберите тему рассылки."
                : $"Неизвестная тема «{draft.Topic}»: допустимы {string.Join(", ", options.Topics.Select(t => $"«{t.Id}» ({t.Title})"))}.");
        }

        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add("Укажите вид рассылки: рекламная или информационная.");
        }

        var links = draft.Links ?? [];
        if (links.Count > MaxLinks)
        {
            errors.Add($"Не больше {MaxLinks} кнопок-ссылок.");
        }

        foreach (var link in links)
        {
            if (string.IsNullOrWhiteSpace(link.Label) || link.Label.Length > MaxLinkLabel)
            {
                errors.Add($"У кнопки-ссылки должна быть надпись до {MaxLinkLabel} символов.");
            }

            if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"Адрес кнопки «{link.Label}» должен быть полной ссылкой http(s)://…");
            }
        }

        if (draft.SendAt is { } at && at < time.GetUtcNow().AddMinutes(-1))
        {
            errors.Add("Время отправки уже прошло.");
        }

        return errors;
    }

    public async Task<MailingResult> CreateAsync(MailingDraft draft, MailingActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Check(draft);
        if (errors.Count > 0)
        {
            return new MailingResult(null, errors);
        }

        var now = Now();
        var mailing = new Mailing { Id = store.NextId(), CreatedBy = actor.Name, CreatedAtUtc = now };
        Apply(mailing, draft, now);
        await store.AddAsync(mailing, [Entry(mailing, MailingEvents.Created, actor.Name, Describe(mailing))], cancellationToken);
        return MailingResult.Done(mailing);
    }

    /// <summary>Changes a draft (only a draft: what was approved or sent is never rewritten).</summary>
    public async Task<MailingResult> UpdateAsync(long id, MailingDraft draft, MailingActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (store.Find(id) is not { } mailing)
        {
            return NotFound(id);
        }

        if (mailing.State != MailingState.Draft)
        {
            return MailingResult.Refused($"Рассылку № {id} нельзя изменить: она {StateTitle(mailing.State)}.");
        }

        var errors = Check(draft);
        if (errors.Count > 0)
        {
            return new MailingResult(null, errors);
        }

        Apply(mailing, draft, Now());
        await store.SaveAsync(mailing, [Entry(mailing, MailingEvents.Updated, actor.Name, Describe(mailing))], cancellationToken);
        return MailingResult.Done(mailing);
    }

    /// <summary>«Запланировать»: scheduled for its time (or now), or waiting for an admin under four-eyes.</summary>
    public Task<MailingResult> SubmitAsync(long id, MailingActor actor, CancellationToken cancellationToken = default) =>
        FireAsync(id, MailingTrigger.Submit, actor, null, cancellationToken);

    /// <summary>Four-eyes: an admin other than the author approves.</summary>
    public Task<MailingResult> ApproveAsync(long id, MailingActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return Task.FromResult(MailingResult.Refused("Одобрить рассылку может только администратор."));
        }

        if (store.Find(id) is { } m && string.Equals(m.CreatedBy, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(MailingResult.Refused("Рассылку одобряет не её автор: нужен второй администратор (принцип четырёх глаз)."));
        }

        return FireAsync(id, MailingTrigger.Approve, actor, null, cancellationToken);
    }

    public Task<MailingResult> RejectAsync(long id, MailingActor actor, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin
            ? FireAsync(id, MailingTrigger.Reject, actor, reason, cancellationToken)
            : Task.FromResult(MailingResult.Refused("Вернуть рассылку на доработку может только администратор."));
    }

    public Task<MailingResult> PauseAsync(long id, MailingActor actor, CancellationToken cancellationToken = default) =>
        FireAsync(id, MailingTrigger.Pause, actor, null, cancellationToken);

    public Task<MailingResult> ResumeAsync(long id, MailingActor actor, CancellationToken cancellationToken = default) =>
        FireAsync(id, MailingTrigger.Resume, actor, null, cancellationToken);

    /// <summary>Cancels the mailing; recipients not tried yet are marked cancelled in the ledger (calls in flight finish).</summary>
    public async Task<MailingResult> CancelAsync(long id, MailingActor actor, CancellationToken cancellationToken = default)
    {
        var result = await FireAsync(id, MailingTrigger.Cancel, actor, null, cancellationToken);
        if (result.Ok)
        {
            var now = Now();
            var left = store.Deliveries(id, MailingDeliveryState.Pending);
            foreach (var row in left)
            {
                (row.State, row.AtUtc) = (MailingDeliveryState.Cancelled, now);
            }

            await store.SaveDeliveriesAsync(left, cancellationToken);
        }

        return result;
    }

    /// <summary>The send time came: the audience (one pending row each) and the "started" entry are stored together.</summary>
    public async Task<MailingResult> StartAsync(Mailing mailing, IReadOnlyList<MailingDelivery> audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(audience);
        if (!Machine(mailing).TryFire(MailingTrigger.Start))
        {
            return MailingResult.Refused($"Рассылку № {mailing.Id} нельзя начать: она {StateTitle(mailing.State)}.");
        }

        var now = Now();
        (mailing.StartedAtUtc, mailing.UpdatedAtUtc, mailing.Recipients) = (now, now, audience.Count);
        var detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"рассылка № {mailing.Id}: получателей {audience.Count}");
        await store.AddDeliveriesAsync(mailing, audience, [Entry(mailing, MailingEvents.Of(MailingTrigger.Start), "system", detail)], cancellationToken);
        return MailingResult.Done(mailing);
    }

    /// <summary>
    /// Every recipient has an outcome: completed, and the ledger's SHA-256 goes into the audit entry. For a cancelled
    /// mailing whose last calls have finished, the hash is recorded the same way ("sealed").
    /// </summary>
    public async Task<MailingResult> FinishAsync(long id, CancellationToken cancellationToken = default)
    {
        if (store.Find(id) is not { } mailing)
        {
            return NotFound(id);
        }

        var rows = store.Deliveries(id);
        if (rows.Any(r => r.State is MailingDeliveryState.Pending or MailingDeliveryState.InFlight && mailing.State != MailingState.Cancelled)
            || rows.Any(r => r.State == MailingDeliveryState.InFlight))
        {
            return MailingResult.Refused($"У рассылки № {id} ещё есть неотправленные сообщения.");
        }

        string evt;
        if (mailing.State == MailingState.Cancelled)
        {
            if (mailing.LedgerHash is not null)
            {
                return MailingResult.Done(mailing);
            }

            evt = MailingEvents.Sealed;
        }
        else if (Machine(mailing).TryFire(MailingTrigger.Complete))
        {
            evt = MailingEvents.Of(MailingTrigger.Complete);
        }
        else
        {
            return MailingResult.Refused($"Рассылку № {id} нельзя завершить: она {StateTitle(mailing.State)}.");
        }

        var now = Now();
        mailing.LedgerHash = MailingLedger.Hash(rows);
        (mailing.FinishedAtUtc, mailing.UpdatedAtUtc) = (mailing.FinishedAtUtc ?? now, now);
        await store.SaveAsync(mailing, [Entry(mailing, evt, "system", MailingEvents.LedgerDetail(id, mailing.LedgerHash, rows.Count))], cancellationToken);
        return MailingResult.Done(mailing);
    }

    /// <summary>Counts the ledger; <paramref name="withdrawnAt"/> gives when a person withdrew the mailing consent (null: did not).</summary>
    public MailingStatistics Statistics(long id, Func<string, DateTime?> withdrawnAt)
    {
        ArgumentNullException.ThrowIfNull(withdrawnAt);
        var rows = store.Deliveries(id);
        int Count(MailingDeliveryState s) => rows.Count(r => r.State == s);
        var unsubscribed = rows.Count(r => r.State == MailingDeliveryState.Sent && r.AtUtc is { } sent
            && withdrawnAt(r.PersonId) is { } w && w >= sent && w - sent <= MailingStatistics.UnsubscribeWindow);
        return new MailingStatistics(
            rows.Count,
            Count(MailingDeliveryState.Sent),
            Count(MailingDeliveryState.Failed),
            rows.Count(r => r.State == MailingDeliveryState.Failed && r.Reason is MailingSkipReasons.BotBlocked or MailingSkipReasons.Denied),
            Count(MailingDeliveryState.Skipped),
            Count(MailingDeliveryState.Unknown),
            Count(MailingDeliveryState.Cancelled),
            Count(MailingDeliveryState.Pending) + Count(MailingDeliveryState.InFlight),
            unsubscribed);
    }

    /// <summary>Counts the ledger, taking withdrawals from the people's mailing consent records (withdrawn: when it happened).</summary>
    public MailingStatistics Statistics(long id, Consent.IConsentStore consents, string mailingPurposeId)
    {
        ArgumentNullException.ThrowIfNull(consents);
        return Statistics(id, personId => consents.RecordsOf(personId).FirstOrDefault(r => r.PurposeId == mailingPurposeId) is { State: Consent.ConsentState.Withdrawn } r
            ? r.UpdatedAtUtc : null);
    }

    /// <summary>An audited action that changes no state (a test send, an export).</summary>
    public Task NoteAsync(Mailing mailing, string evt, MailingActor actor, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(actor);

        // Saved as stored now (not the caller's copy, which the runner may have moved on since), stamped with the time of the action.
        var current = store.Find(mailing.Id) ?? mailing;
        var entry = Entry(current, evt, actor.Name, detail);
        entry.TimeUtc = Now();
        return store.SaveAsync(current, [entry], cancellationToken);
    }

    public MailingMachine Machine(Mailing mailing) => new(mailing, options.RequireApproval);

    /// <summary>«черновик», «ждёт одобрения», «запланирована»…</summary>
    public static string StateTitle(MailingState state) => state switch
    {
        MailingState.Draft => "черновик",
        MailingState.AwaitingApproval => "ждёт одобрения",
        MailingState.Scheduled => "запланирована",
        MailingState.Sending => "отправляется",
        MailingState.Paused => "приостановлена",
        MailingState.Completed => "завершена",
        MailingState.Cancelled => "отменена",
        _ => state.ToString(),
    };

    public static AuditEntry Entry(Mailing mailing, string evt, string actor, string? detail)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return new AuditEntry
        {
            TimeUtc = mailing.UpdatedAtUtc,
            Kind = MailingEvents.Kind,
            Event = evt,
            Channel = MailingEvents.Channel,
            Actor = actor,
            Detail = detail,
        };
    }

    private static MailingResult NotFound(long id) => MailingResult.Refused($"Рассылки № {id} нет.");

    private static string Describe(Mailing m) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"рассылка № {m.Id}: тема «{m.Topic}», каналы {string.Join(", ", m.Channels)}, {(m.Kind == MailingKind.Advertising ? "рекламная" : "информационная")}, {m.Text.Length} символов");

    private async Task<MailingResult> FireAsync(long id, MailingTrigger trigger, MailingActor actor, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (store.Find(id) is not { } mailing)
        {
            return NotFound(id);
        }

        var was = mailing.State;
        if (!Machine(mailing).TryFire(trigger))
        {
            return MailingResult.Refused($"Это действие недоступно: рассылка № {id} {StateTitle(was)}.");
        }

        mailing.UpdatedAtUtc = Now();
        if (trigger == MailingTrigger.Approve)
        {
            mailing.ApprovedBy = actor.Name;
        }

        if (trigger == MailingTrigger.Cancel)
        {
            mailing.FinishedAtUtc = mailing.UpdatedAtUtc;
        }

        var detail = $"рассылка № {id}: {StateTitle(was)} → {StateTitle(mailing.State)}" + (string.IsNullOrWhiteSpace(note) ? "" : $" ({note})");
        await store.SaveAsync(mailing, [Entry(mailing, MailingEvents.Of(trigger), actor.Name, detail)], ct);
        return MailingResult.Done(mailing);
    }

    private void Apply(Mailing m, MailingDraft d, DateTime now)
    {
        m.Text = d.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        m.Topic = options.FindTopic(d.Topic)?.Id ?? d.Topic?.Trim() ?? "";
        m.Channels = [.. d.Channels.Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        m.Kind = d.Kind;
        m.SendAtUtc = d.SendAt?.UtcDateTime;
        m.Links = [.. d.Links.Select(l => new MailingLink { Label = l.Label.Trim(), Url = l.Url.Trim() })];
        m.UpdatedAtUtc = now;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
