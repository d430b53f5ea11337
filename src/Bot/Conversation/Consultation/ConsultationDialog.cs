using System.Globalization;
using PdBot.Bot.Conversation.Intents;
using PdBot.Core.Calendar;
using PdBot.Core.Clinic;
using PdBot.Core.Consent;
using PdBot.Core.Leads;
using PdBot.Core.Text;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Consultation;

/// <summary>
/// The free consultation request form (policy 2.3.1, purpose <c>consultation</c>): asked only after its consent,
/// one question at a time (name, phone, day, time, direction), «Отмена» on every step. A bad answer gets a clear
/// message and the same question; nothing typed before is lost. A form left for 24 hours is dropped.
/// </summary>
public sealed class ConsultationDialog(LeadService leads, ConsentCatalog catalog, ClinicHours hours, TimeProvider time)
{
    /// <summary>The form's own button payloads: "lead:…".</summary>
    public const string Action = "lead";

    private static readonly string[] SendWords = ["отправить", "отправить заявку", "да", "верно", "все верно", "подтверждаю", "ок"];
    private static readonly string[] SkipWords = ["пропустить", "нет", "не знаю", "любое", "любой", "без направления", "не важно", "неважно"];

    /// <summary>A typed answer while the person's form is open; false when no form is open (nothing done).</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        // «оператор» is a call for a person, not a name: the inbox takes it and the form stays open.
        if (ChatIntents.Classify(text) == ChatIntent.Operator)
        {
            return false;
        }

        if (leads.Draft(session.Person.Id) is not { } lead)
        {
            return await TypedLabelAsync(turn, session, text, ct);
        }

        await session.SaveAsync(ct);
        if (await ClosedAsync(turn, session, lead, ct))
        {
            return true;
        }

        if (RequestFormInput.IsCancel(text))
        {
            await CancelAsync(turn, lead, ct);
            return true;
        }

        await ApplyAsync(turn, lead, text, typed: true, ct);
        return true;
    }

    /// <summary>The form's own buttons (answers, «Отмена», «Отменить заявку»); false for any other payload.</summary>
    public async Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Action != Action)
        {
            return false;
        }

        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(null, ct);
        var (command, value) = Split(payload.Argument);
        switch (command)
        {
            case "withdraw":
                await WithdrawAsync(turn, session, value, ct);
                return true;
            case "new":
                await BeginAsync(turn, session, fresh: true, ct);
                return true;
        }

        if (leads.Draft(session.Person.Id) is not { } lead)
        {
            await turn.SendAsync(Closed(ConsultationTexts.NoDraft), ct);
            return true;
        }

        if (await ClosedAsync(turn, session, lead, ct))
        {
            return true;
        }

        switch (command)
        {
            case "cancel":
                await CancelAsync(turn, lead, ct);
                break;
            case "day" when lead.Step == LeadFormStep.Day && value is not null:
            case "time" when lead.Step == LeadFormStep.Time && value is not null:
                await ApplyAsync(turn, lead, value, typed: false, ct);
                break;
            case "dir" when lead.Step == LeadFormStep.Direction && int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < leads.Options.Directions.Count:
                await ApplyAsync(turn, lead, leads.Options.Directions[i], typed: false, ct);
                break;
            case "skip" when lead.Step == LeadFormStep.Direction:
                await ApplyAsync(turn, lead, SkipWords[0], typed: false, ct);
                break;
            case "send" when lead.Step == LeadFormStep.Confirm:
                await ApplyAsync(turn, lead, SendWords[0], typed: false, ct);
                break;
            default:
                // A button of an earlier question: ask the current one again rather than guess.
                await turn.SendAsync(Question(lead, ConsultationTexts.StaleButton), ct);
                break;
        }

        return true;
    }

    /// <summary>The consent is given: starts the form, or shows the person's open request.</summary>
    public async Task StartAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (leads.Draft(session.Person.Id) is null && leads.OpenOf(session.Person.Id) is { } open)
        {
            await turn.SendAsync(BotMessage.WithButtons(ConsultationTexts.Open(open),
                new Button(ConsultationTexts.WithdrawButton, Command("withdraw", open.Id.ToString(CultureInfo.InvariantCulture))),
                new Button(ConsultationTexts.NewButton, Command("new")),
                new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString())), ct);
            return;
        }

        await BeginAsync(turn, session, fresh: false, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>«Отменить заявку» or «Новая заявка» typed instead of pressed (no form open); false for anything else.</summary>
    private async Task<bool> TypedLabelAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        var typed = ChatText.Normalize(text);
        var open = leads.OpenOf(session.Person.Id);
        if (open is not null && typed == ChatText.Normalize(ConsultationTexts.WithdrawButton))
        {
            await session.SaveAsync(ct);
            await WithdrawAsync(turn, session, open.Id.ToString(CultureInfo.InvariantCulture), ct);
            return true;
        }

        if (typed == ChatText.Normalize(ConsultationTexts.NewButton) && Consented(session))
        {
            await session.SaveAsync(ct);
            await BeginAsync(turn, session, fresh: true, ct);
            return true;
        }

        return false;
    }

    private DateTime LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), ClinicTime.Zone).DateTime;

    private DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>Opens the form (or asks the unfinished one's question again); <paramref name="fresh"/> drops an unfinished one first.</summary>
    private async Task BeginAsync(ITurnContext turn, ConsentSession session, bool fresh, CancellationToken ct)
    {
        if (!Consented(session))
        {
            await turn.SendAsync(Closed(ConsultationTexts.NoConsent), ct);
            return;
        }

        var lead = leads.Draft(session.Person.Id);
        if (lead is not null && fresh)
        {
            await leads.DropDraftAsync(lead, ct);
            lead = null;
        }

        if (lead is null)
        {
            lead = leads.StartDraft(session.Person);
            await leads.SaveDraftAsync(lead, ct);
        }

        await turn.SendAsync(Question(lead, null), ct);
    }

    /// <summary>Drops the form when the consent is gone or it was left for 24 hours; true when it did (the message is not an answer).</summary>
    private async Task<bool> ClosedAsync(ITurnContext turn, ConsentSession session, Lead lead, CancellationToken ct)
    {
        var why = !Consented(session) ? ConsultationTexts.NoConsent
            : Now - lead.UpdatedAtUtc >= LeadTermSweep.DraftLifetime ? ConsultationTexts.Expired
            : null;
        if (why is null)
        {
            return false;
        }

        await leads.DropDraftAsync(lead, ct);
        await turn.SendAsync(Closed(why), ct);
        return true;
    }

    private async Task CancelAsync(ITurnContext turn, Lead lead, CancellationToken ct)
    {
        await leads.DropDraftAsync(lead, ct);
        await turn.SendAsync(Closed(ConsultationTexts.Cancelled), ct);
    }

    private async Task WithdrawAsync(ITurnContext turn, ConsentSession session, string? value, CancellationToken ct)
    {
        if (!long.TryParse(value, CultureInfo.InvariantCulture, out var id) || leads.Store.Find(id) is not { } lead || lead.PersonId != session.Person.Id)
        {
            await turn.SendAsync(Closed(ConsultationTexts.NoDraft), ct);
            return;
        }

        var done = await leads.CancelByPersonAsync(lead, ct);
        await turn.SendAsync(Closed(done ? ConsultationTexts.Withdrawn(id) : ConsultationTexts.NotOpen(id)), ct);
    }

    private async Task ApplyAsync(ITurnContext turn, Lead lead, string answer, bool typed, CancellationToken ct)
    {
        var error = Accept(lead, answer, typed);
        if (error is not null)
        {
            // Nothing is lost: earlier answers stay stored and the same question is asked again.
            await leads.SaveDraftAsync(lead, ct);
            await turn.SendAsync(Question(lead, error), ct);
            return;
        }

        var form = leads.Form(lead);
        form.Next();
        if (form.Step != LeadFormStep.Sent)
        {
            await leads.SaveDraftAsync(lead, ct);
            await turn.SendAsync(Question(lead, null), ct);
            return;
        }

        await leads.SubmitAsync(lead, ct);
        await turn.SendAsync(BotMessage.WithButtons(ConsultationTexts.Sent(lead, hours.ExpectAnswer(time.GetUtcNow())),
            new Button(ConsultationTexts.WithdrawButton, Command("withdraw", lead.Id.ToString(CultureInfo.InvariantCulture))),
            new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString())), ct);
    }

    /// <summary>Stores the answer to the current question; a Russian message when it cannot be taken.</summary>
    private string? Accept(Lead lead, string answer, bool typed)
    {
        switch (lead.Step)
        {
            case LeadFormStep.Name:
                var (name, nameError) = LeadFormInput.Name(answer);
                lead.Name = name ?? lead.Name;
                return nameError;
            case LeadFormStep.Phone:
                var (phone, phoneError) = LeadPhone.Normalize(answer);
                lead.Phone = phone ?? lead.Phone;
                return phoneError;
            case LeadFormStep.Day:
                var (day, dayError) = typed
                    ? LeadFormInput.Day(answer, Today, hours, leads.Options.MaxDaysAhead)
                    : LeadFormInput.Day(DateOnly.ParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), Today, hours, leads.Options.MaxDaysAhead);
                if (day == Today && Slots(Today).Count == 0)
                {
                    return ConsultationTexts.TodayIsOver;
                }

                lead.Day = day ?? lead.Day;
                return dayError;
            case LeadFormStep.Time:
                var (at, timeError) = LeadFormInput.Time(answer, lead.Day ?? Today, LocalNow, hours);
                lead.Time = at?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? lead.Time;
                return timeError;
            case LeadFormStep.Direction:
                var typedText = ChatText.Normalize(answer);
                if (SkipWords.Contains(typedText))
                {
                    lead.Direction = null;
                    return null;
                }

                var chosen = leads.Options.Directions.FirstOrDefault(d => ChatText.Normalize(d) == typedText)
                    ?? leads.Options.Directions.FirstOrDefault(d => typedText.Length >= 4 && ChatText.Normalize(d).StartsWith(typedText, StringComparison.Ordinal));
                lead.Direction = chosen ?? lead.Direction;
                return chosen is null ? ConsultationTexts.DirectionUnknown : null;
            default:
                return SendWords.Contains(ChatText.Normalize(answer)) ? null : ConsultationTexts.ConfirmHint;
        }
    }

    private BotMessage Question(Lead lead, string? error)
    {
        var lead0 = error is null ? "" : error + "\n\n";
        var cancel = new Button(ConsultationTexts.CancelButton, Command("cancel"));
        IReadOnlyList<Button> Row(params Button[] b) => b;
        switch (lead.Step)
        {
            case LeadFormStep.Name:
                return BotMessage.WithButtons(lead0 + ConsultationTexts.Name + ConsultationTexts.CancelHint, cancel);
            case LeadFormStep.Phone:
                return BotMessage.WithButtons(lead0 + ConsultationTexts.Phone(lead.Name ?? "") + ConsultationTexts.CancelHint, cancel);
            case LeadFormStep.Day:
                var first = Slots(Today).Count > 0 ? Today : Today.AddDays(1);
                var days = hours.WorkingDaysFrom(first, 6)
                    .Select(d => new Button(ConsultationTexts.DayButton(d), Command("day", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                return new BotMessage(lead0 + ConsultationTexts.Day(hours) + ConsultationTexts.CancelHint, [.. days.Chunk(2).Select(r => Row(r)), Row(cancel)]);
            case LeadFormStep.Time:
                var day = lead.Day ?? Today;
                var times = Slots(day).Select(t => new Button(t.ToString("HH:mm", CultureInfo.InvariantCulture), Command("time", t.ToString("HH:mm", CultureInfo.InvariantCulture))));
                return new BotMessage(lead0 + ConsultationTexts.Time(day, hours) + ConsultationTexts.CancelHint, [.. times.Chunk(3).Select(r => Row(r)), Row(cancel)]);
            case LeadFormStep.Direction:
                var directions = leads.Options.Directions.Select((d, i) => new Button(d, Command("dir", i.ToString(CultureInfo.InvariantCulture))));
                return new BotMessage(lead0 + ConsultationTexts.Direction + ConsultationTexts.CancelHint,
                    [.. directions.Chunk(2).Select(r => Row(r)), Row(new Button(ConsultationTexts.SkipButton, Command("skip"))), Row(cancel)]);
            default:
                return BotMessage.WithButtons(lead0 + ConsultationTexts.Confirm(lead), new Button(ConsultationTexts.SendButton, Command("send")), cancel);
        }
    }

    /// <summary>Whole hours within the clinic's hours, later than now when the day is today.</summary>
    private List<TimeOnly> Slots(DateOnly day)
    {
        var now = LocalNow;
        var slots = new List<TimeOnly>();
        // TimeOnly wraps at midnight: the second condition stops the loop there.
        for (var t = hours.Opens; t < hours.Closes && t >= hours.Opens; t = t.AddHours(1))
        {
            if (day != DateOnly.FromDateTime(now) || t > TimeOnly.FromDateTime(now))
            {
                slots.Add(t);
            }
        }

        return slots;
    }

    private bool Consented(ConsentSession session) =>
        catalog.Consultation is { } purpose && session.StateOf(purpose.Id) is ConsentState.Given or ConsentState.NeedsRenewal;

    private static BotMessage Closed(string text) => BotMessage.WithButtons(text,
        new Button(ConsultationTexts.AgainButton, new Payload(Payload.Consult).ToString()),
        new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString()));

    private static string Command(string command, string? value = null) => new Payload(Action, value is null ? command : $"{command}:{value}").ToString();

    private static (string Command, string? Value) Split(string? argument)
    {
        var parts = (argument ?? "").Split(':', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
