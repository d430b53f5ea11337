using Stateless;

namespace PdBot.Core.Conversations;

/// <summary>open ⇄ closed: an operator (or the person) closes a conversation; an operator or a new message reopens it.</summary>
public sealed class ConversationMachine
{
    private readonly StateMachine<ConversationState, ConversationTrigger> _machine;

    public ConversationMachine(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        _machine = new StateMachine<ConversationState, ConversationTrigger>(() => conversation.State, s => conversation.State = s);
        _machine.Configure(ConversationState.Open).Permit(ConversationTrigger.Close, ConversationState.Closed);
        _machine.Configure(ConversationState.Closed).Permit(ConversationTrigger.Reopen, ConversationState.Open);
    }

    public bool CanFire(ConversationTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires when the state allows it; false otherwise (nothing changes).</summary>
    public bool TryFire(ConversationTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }
}
