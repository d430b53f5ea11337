using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Fleet;

/// <summary>The shared budget of each channel's token (several hosts); none with one process, whose pacer is the whole budget.</summary>
public interface ISendBudgets
{
    /// <summary>The budget of <paramref name="channel"/>'s token at <paramref name="limits"/>, or null when the host's own pace is enough.</summary>
    ISendBudget? For(string channel, SendLimits limits);
}
