using System.Text.RegularExpressions;
using PdBot.Core.Requests;
using static PdBot.Core.Requests.RequestState;
using static PdBot.Core.Requests.RequestTrigger;

namespace PdBot.Tests.Requests;

public partial class RequestMachineTests
{
    // The specification: every permitted (state, trigger) pair and where it leads. Anything else is refused.
    private static readonly Dictionary<(RequestState, RequestTrigger), RequestState> Permitted = new()
    {
        [(Received, AskDetails)] = AwaitingDetails,
        [(Received, DetailsComplete)] = AwaitingIdentity,
        [(Received, Refuse)] = Refused,
        [(Received, Cancel)] = Cancelled,
        [(Received, Close)] = Closed,
        [(AwaitingDetails, DetailsComplete)] = AwaitingIdentity,
        [(AwaitingDetails, Refuse)] = Refused,
        [(AwaitingDetails, Cancel)] = Cancelled,
        [(AwaitingDetails, Close)] = Closed,
        [(AwaitingIdentity, ConfirmIdentity)] = InProgress,
        [(AwaitingIdentity, Block)] = Blocked,
        [(AwaitingIdentity, Refuse)] = Refused,
        [(AwaitingIdentity, Supersede)] = Superseded,
        [(AwaitingIdentity, Close)] = Closed,
        [(InProgress, Extend)] = Extended, // only for a type the law lets extend; see ExtensionAllowed
        [(InProgress, Block)] = Blocked,
        [(InProgress, Answer)] = Answered,
        [(InProgress, Refuse)] = Refused,
        [(InProgress, Supersede)] = Superseded,
        [(InProgress, Close)] = Closed,
        [(Extended, Block)] = Blocked,
        [(Extended, Answer)] = Answered,
        [(Extended, Refuse)] = Refused,
        [(Extended, Supersede)] = Superseded,
        [(Extended, Close)] = Closed,
        // A fresh request's identity is not confirmed: blocked, it can be confirmed or go back to await the check.
        [(Blocked, ConfirmIdentity)] = Blocked,
        [(Blocked, Unblock)] = AwaitingIdentity,
        [(Blocked, Refuse)] = Refused,
        [(Blocked, Supersede)] = Superseded,
        [(Blocked, Close)] = Closed,
    };

    public static TheoryData<RequestState, RequestTrigger, bool> AllPairs()
    {
        var data = new TheoryData<RequestState, RequestTrigger, bool>();
        foreach (var s in Enum.GetValues<RequestState>())
        {
            foreach (var t in Enum.GetValues<RequestTrigger>())
            {
                data.Add(s, t, true);
                data.Add(s, t, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_trigger_either_moves_as_specified_or_is_refused_without_an_exception(RequestState from, RequestTrigger trigger, bool extensionAllowed)
    {
        var request = new SubjectRequest { State = from };
        var machine = new RequestMachine(request, extensionAllowed);
        var permitted = Permitted.TryGetValue((from, trigger), out var to) && (trigger != Extend || extensionAllowed);

        Assert.Equal(permitted, machine.CanFire(trigger));
        Assert.Equal(permitted, machine.PermittedTriggers.Contains(trigger));
        var accepted = machine.Fire(trigger);

        Assert.Equal(permitted, accepted);
        if (permitted)
        {
            Assert.Equal(to, request.State);
            Assert.Null(machine.Refusal);
        }
        else
        {
            Assert.Equal(from, request.State);
            Assert.Equal((from, trigger), machine.Refusal);
        }
    }

    [Theory]
    [InlineData(RequestType.Access, true)]
    [InlineData(RequestType.StopProcessing, true)]
    [InlineData(RequestType.Correction, false)]
    [InlineData(RequestType.Blocking, false)]
    [InlineData(RequestType.Destruction, false)]
    [InlineData(RequestType.WithdrawConsent, false)]
    [InlineData(RequestType.WithdrawDistribution, false)]
    public void Only_the_types_the_law_lets_extend_can_be_extended_and_only_once(RequestType type, bool extendable)
    {
        var request = new SubjectRequest { Type = type, State = InProgress };
        var machine = new RequestMachine(request, new DeadlineTable()[type].Extendable);

        Assert.Equal(extendable, machine.Fire(Extend));
        Assert.Equal(extendable ? Extended : InProgress, request.State);

        // Extended has no Extend: a second extension is refused, on a machine rebuilt around the stored state too.
        Assert.False(machine.Fire(Extend));
        if (extendable)
        {
            Assert.False(new RequestMachine(request, extensionAllowed: true).Fire(Extend));
            Assert.Equal(Extended, request.State);
        }
    }

    [Fact]
    public void A_request_back_in_progress_after_blocking_cannot_be_extended_a_second_time()
    {
        var request = new SubjectRequest { Type = RequestType.Access, State = InProgress, IdentityConfirmed = true };
        Assert.True(new RequestMachine(request, extensionAllowed: true).Fire(Extend));
        request.ExtensionReason = "запрошен архив";
        Assert.True(new RequestMachine(request, extensionAllowed: true).Fire(Block));
        Assert.True(new RequestMachine(request, extensionAllowed: true).Fire(Unblock));

        var machine = new RequestMachine(request, extensionAllowed: true);

        Assert.Equal(InProgress, request.State);
        Assert.False(machine.CanFire(Extend));
        Assert.False(machine.Fire(Extend));
        Assert.Equal(InProgress, request.State);
    }

    [Fact]
    public void A_request_blocked_before_the_identity_check_is_never_answered_until_identity_is_confirmed()
    {
        var request = new SubjectRequest { Type = RequestType.Blocking, State = AwaitingIdentity };
        Assert.True(new RequestMachine(request, false).Fire(Block));

        Assert.False(new RequestMachine(request, false).Fire(Answer));
        Assert.True(new RequestMachine(request, false).Fire(ConfirmIdentity));
        Assert.Equal(Blocked, request.State);
        Assert.True(request.IdentityConfirmed);
        Assert.True(new RequestMachine(request, false).Fire(Answer));
        Assert.Equal(Answered, request.State);
    }

    [Fact]
    public void The_diagram_in_the_folder_readme_is_the_one_the_code_generates()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Core", "Requests", "README.md"));
        var expected = MermaidBlock().Match(readme).Groups[1].Value;
        var actual = new RequestMachine(new SubjectRequest(), extensionAllowed: true).ToMermaid();

        // Regenerate with: dotnet run --project src/Bot -- requests diagram
        Assert.Equal(Normalize(actual), Normalize(expected));
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex("```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
