namespace PdBot.Core.Mailings;

/// <summary>The result of <see cref="LedgerCheck.Run"/>: how many finished mailings' ledgers were checked, and what is wrong (Russian, one line per mailing).</summary>
public sealed record LedgerVerification(int Checked, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
