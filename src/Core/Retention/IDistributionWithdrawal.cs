using PdBot.Core.People;

namespace PdBot.Core.Retention;

/// <summary>
/// What must happen at once when a consent to distribution is withdrawn (ст. 10.1 части 12–13 152-ФЗ, policy 5.3.3):
/// the reviews feature puts published reviews into «снять немедленно». Must be safe to run twice.
/// </summary>
public interface IDistributionWithdrawal
{
    Task OnWithdrawnAsync(Person person, CancellationToken ct = default);
}
