using PdBot.Core.Audit;

namespace PdBot.Tests.Audit;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var (seq, hash) = (0L, AuditChain.Genesis);
        for (var i = 0; i < count; i++)
        {
            var e = new AuditEntry
            {
                TimeUtc = new DateTime(2026, 11, 23, 9, 0, i, DateTimeKind.Utc),
                Kind = AuditEvents.ConsentKind,
                Event = AuditEvents.Given,
                Channel = "vk",
                UserId = $"user{i}",
                PurposeId = "mailing",
                TextVersion = 1,
                TextHash = "abc",
                Buttons = ["tick", "submit"],
            };
            AuditChain.Seal(e, seq, hash);
            (seq, hash) = (e.Seq, e.Hash);
            entries.Add(e);
        }

        return entries;
    }

    private static (long, string) Head(List<AuditEntry> entries) => (entries[^1].Seq, entries[^1].Hash);

    [Fact]
    public void An_untouched_chain_verifies_with_its_count()
    {
        var entries = Chain(5);
        Assert.Equal(AuditVerification.Intact(5), AuditChain.Verify(entries, Head(entries)));
    }

    [Fact]
    public void An_edited_field_is_reported_at_that_entry()
    {
        var entries = Chain(5);
        var head = Head(entries);
        entries[2].Event = AuditEvents.Withdrawn;

        var result = AuditChain.Verify(entries, head);

        Assert.Equal(3, result.FirstBadSeq);
        Assert.Equal(2, result.IntactCount);
    }

    [Fact]
    public void An_edited_user_id_is_reported_even_though_it_is_hashed_through_a_digest()
    {
        var entries = Chain(3);
        var head = Head(entries);
        entries[1].UserId = "someone-else";

        Assert.Equal(2, AuditChain.Verify(entries, head).FirstBadSeq);
    }

    [Fact]
    public void A_removed_entry_is_reported_by_its_sequence_number()
    {
        var entries = Chain(5);
        var head = Head(entries);
        entries.RemoveAt(1);

        Assert.Equal(2, AuditChain.Verify(entries, head).FirstBadSeq);
    }

    [Fact]
    public void Removing_the_newest_entries_is_caught_by_the_stored_head()
    {
        var entries = Chain(5);
        var head = Head(entries);
        entries.RemoveRange(3, 2);

        Assert.Equal(4, AuditChain.Verify(entries, head).FirstBadSeq);
    }

    [Fact]
    public void Swapped_entries_are_reported_at_the_first_of_them()
    {
        var entries = Chain(5);
        var head = Head(entries);
        (entries[1].Seq, entries[2].Seq) = (entries[2].Seq, entries[1].Seq);
        entries.Sort((a, b) => a.Seq.CompareTo(b.Seq));

        Assert.Equal(2, AuditChain.Verify(entries, head).FirstBadSeq);
    }

    [Fact]
    public void Erasing_a_persons_id_and_salt_keeps_the_chain_verifiable()
    {
        var entries = Chain(3);
        entries[1].UserId = null;
        entries[1].UserSalt = null;

        Assert.True(AuditChain.Verify(entries, Head(entries)).IsIntact);
    }
}
