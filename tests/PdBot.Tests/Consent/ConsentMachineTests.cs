using PdBot.Core.Consent;
using static PdBot.Core.Consent.ConsentState;
using static PdBot.Core.Consent.ConsentTrigger;

namespace PdBot.Tests.Consent;

public class ConsentMachineTests
{
    private static readonly ConsentText Text = new("mailing", 1, "text");

    // The specification: every permitted (state, trigger) pair and where it leads. Anything else is refused.
    private static readonly Dictionary<(ConsentState, ConsentTrigger), ConsentState> Permitted = new()
    {
        [(NotAsked, Offer)] = Offered,
        [(Offered, Offer)] = Offered,
        [(Offered, Tick)] = Ticked,
        [(Offered, Decline)] = Declined,
        [(Ticked, Untick)] = Offered,
        [(Ticked, Offer)] = Offered,
        [(Ticked, Submit)] = Given,
        [(Ticked, Decline)] = Declined,
        [(Given, Withdraw)] = Withdrawn,
        [(Given, TextChanged)] = NeedsRenewal,
        [(Given, Expire)] = Withdrawn,
        [(NeedsRenewal, Expire)] = Withdrawn,
        [(NeedsRenewal, Offer)] = Offered,
        [(NeedsRenewal, Withdraw)] = Withdrawn,
        [(Withdrawn, Offer)] = Offered,
        [(Declined, Offer)] = Offered,
    };

    public static TheoryData<ConsentState, ConsentTrigger> AllPairs()
    {
        var data = new TheoryData<ConsentState, ConsentTrigger>();
        foreach (var s in Enum.GetValues<ConsentState>())
        {
            foreach (var t in Enum.GetValues<ConsentTrigger>())
            {
                data.Add(s, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_trigger_either_moves_as_specified_or_is_refused_politely(ConsentState from, ConsentTrigger trigger)
    {
        var record = new ConsentRecord { State = from };
        var machine = new ConsentMachine(record);

        var accepted = machine.Fire(trigger, Text);

        if (Permitted.TryGetValue((from, trigger), out var to))
        {
            Assert.True(accepted);
            Assert.Equal(to, record.State);
            Assert.Null(machine.Refusal);
        }
        else
        {
            Assert.False(accepted);
            Assert.Equal(from, record.State);
            Assert.Equal((from, trigger), machine.Refusal);
        }
    }

    [Fact]
    public void Submit_is_only_possible_once_the_box_is_ticked()
    {
        var record = new ConsentRecord();
        var machine = new ConsentMachine(record);
        machine.Offer(Text);
        Assert.False(machine.CanSubmit);
        machine.Tick();
        Assert.True(machine.CanSubmit);
        machine.Untick();
        Assert.False(machine.Submit());
        Assert.Equal(Offered, record.State);
    }

    [Fact]
    public void A_new_offer_records_the_text_version_and_hash_and_clears_earlier_presses()
    {
        var record = new ConsentRecord { State = Ticked, Buttons = ["tick"] };
        new ConsentMachine(record).Offer(new ConsentText("mailing", 3, "new words"));

        Assert.Equal(Offered, record.State);
        Assert.Equal(3, record.TextVersion);
        Assert.Equal(ConsentText.Sha256Hex("new words"), record.TextHash);
        Assert.Empty(record.Buttons);
    }

    [Fact]
    public void The_checked_in_diagram_matches_the_machine()
    {
        var expected = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Core", "Consent", "consent-machine.mmd"));
        var actual = new ConsentMachine(new ConsentRecord()).ToMermaid();

        // Regenerate with: dotnet run --project src/Bot -- consents diagram > src/Core/Consent/consent-machine.mmd
        Assert.Equal(expected.Trim().ReplaceLineEndings("\n"), actual.Trim().ReplaceLineEndings("\n"));
    }
}
