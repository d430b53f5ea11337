using Stateless;
using Stateless.Graph;

namespace PdBot.Core.Consent;

/// <summary>
/// The consent life cycle of one person × purpose. Built fresh for every turn around the stored record;
/// a trigger that does not fit the state is refused (see <see cref="Refusal"/>), never thrown.
/// </summary>
public sealed class ConsentMachine
{
    private readonly ConsentRecord _record;
    private readonly StateMachine<ConsentState, ConsentTrigger> _machine;
    private readonly StateMachine<ConsentState, ConsentTrigger>.TriggerWithParameters<ConsentText> _offer;

    public ConsentMachine(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record = record;
        _machine = new StateMachine<ConsentState, ConsentTrigger>(() => record.State, s => record.State = s);
        _offer = _machine.SetTriggerParameters<ConsentText>(ConsentTrigger.Offer);
        _machine.OnUnhandledTrigger((state, trigger) => Refusal = (state, trigger));

        _machine.Configure(ConsentState.NotAsked)
            .Permit(ConsentTrigger.Offer, ConsentState.Offered);

        // A fresh prompt always starts with an empty box, whatever came before.
        _machine.Configure(ConsentState.Offered)
            .OnEntryFrom(_offer, OnOffered)
            .PermitReentry(ConsentTrigger.Offer)
            .Permit(ConsentTrigger.Tick, ConsentState.Ticked)
            .Permit(ConsentTrigger.Decline, ConsentState.Declined);

        _machine.Configure(ConsentState.Ticked)
            .Permit(ConsentTrigger.Untick, ConsentState.Offered)
            .Permit(ConsentTrigger.Offer, ConsentState.Offered)
            .Permit(ConsentTrigger.Submit, ConsentState.Given)
            .Permit(ConsentTrigger.Decline, ConsentState.Declined);

        _machine.Configure(ConsentState.Given)
            .Permit(ConsentTrigger.Withdraw, ConsentState.Withdrawn)
            .Permit(ConsentTrigger.Expire, ConsentState.Withdrawn)
            .Permit(ConsentTrigger.TextChanged, ConsentState.NeedsRenewal);

        _machine.Configure(ConsentState.NeedsRenewal)
            .Permit(ConsentTrigger.Offer, ConsentState.Offered)
            .Permit(ConsentTrigger.Withdraw, ConsentState.Withdrawn)
            .Permit(ConsentTrigger.Expire, ConsentState.Withdrawn);

        // Only an explicit new offer (then tick and «Отправить») can bring a person back.
        _machine.Configure(ConsentState.Withdrawn)
            .Permit(ConsentTrigger.Offer, ConsentState.Offered);

        _machine.Configure(ConsentState.Declined)
            .Permit(ConsentTrigger.Offer, ConsentState.Offered);
    }

    public ConsentState State => _record.State;

    /// <summary>Set when the last trigger did not fit the state: the caller answers politely.</summary>
    public (ConsentState State, ConsentTrigger Trigger)? Refusal { get; private set; }

    public bool CanSubmit => _machine.CanFire(ConsentTrigger.Submit);

    public bool Offer(ConsentText text) => Fire(() => _machine.Fire(_offer, text));

    public bool Tick() => Fire(ConsentTrigger.Tick);

    public bool Untick() => Fire(ConsentTrigger.Untick);

    public bool Submit() => Fire(ConsentTrigger.Submit);

    public bool Decline() => Fire(ConsentTrigger.Decline);

    public bool Withdraw() => Fire(ConsentTrigger.Withdraw);

    public bool MarkTextChanged() => Fire(ConsentTrigger.TextChanged);

    public bool Expire() => Fire(ConsentTrigger.Expire);

    /// <summary>Fires any trigger; used by the transition-table test.</summary>
    public bool Fire(ConsentTrigger trigger, ConsentText? text = null) =>
        trigger == ConsentTrigger.Offer
            ? Offer(text ?? throw new ArgumentNullException(nameof(text)))
            : Fire(() => _machine.Fire(trigger));

    /// <summary>The machine as a Mermaid state diagram (the README embeds it).</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private bool Fire(ConsentTrigger trigger) => Fire(() => _machine.Fire(trigger));

    private bool Fire(Action fire)
    {
        Refusal = null;
        fire();
        return Refusal is null;
    }

    private void OnOffered(ConsentText text)
    {
        _record.TextVersion = text.Version;
        _record.TextHash = text.Hash;
        _record.Buttons.Clear();
    }
}
