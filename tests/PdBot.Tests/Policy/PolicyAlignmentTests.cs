using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdBot.Core.Operator;
using PdBot.Core.Requests;

namespace PdBot.Tests.Policy;

/// <summary>
/// appsettings.json describes the clinic whose policy is docs/policy/clinic-privacy-policy.txt (a copy of the
/// published text) and cites only clauses that policy has.
/// </summary>
public sealed partial class PolicyAlignmentTests : IDisposable
{
    private static readonly string PolicyText = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "policy", "clinic-privacy-policy.txt"));
    private static readonly HashSet<string> Clauses = [.. ClauseHeading().Matches(PolicyText).Select(m => m.Groups[1].Value.TrimEnd('.'))];
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void The_policy_copy_has_the_clauses_the_product_relies_on() =>
        Assert.Subset(Clauses, new HashSet<string> { "2.3.1", "2.3.2", "5.2.1", "5.3", "5.3.3", "6.1.1", "6.1.2", "6.2.3", "6.2.10" });

    [Theory]
    [InlineData("mailing", "2.3.1")]
    [InlineData("consultation", "2.3.1")]
    [InlineData("review", "2.3.1, 5.3")]
    [InlineData("patient", "2.3.2")]
    public void Each_purpose_cites_the_policy_clause_it_comes_from(string purposeId, string clause) =>
        Assert.Equal(clause, _host.Catalog.Get(purposeId).PolicyClause);

    [Fact]
    public void Every_clause_cited_by_a_purpose_or_a_deadline_exists_in_the_policy()
    {
        var cited = _host.Catalog.Purposes.Select(p => (p.Id, p.PolicyClause))
            .Concat(new DeadlineTable().Rules.Select(r => (r.Key.ToString(), r.Value.PolicyClause)));
        foreach (var (who, clauses) in cited)
        {
            foreach (var clause in clauses.Split(',', StringSplitOptions.TrimEntries))
            {
                Assert.True(Clauses.Contains(clause), $"{who} cites clause {clause}, which the policy does not have");
            }
        }
    }

    [Fact]
    public void The_operator_is_the_clinic_of_the_policy_with_its_address_email_and_phone()
    {
        var op = _host.Services.GetRequiredService<IOptions<OperatorOptions>>().Value;
        Assert.Contains("СЕМЕЙНАЯ КЛИНИКА «МЕДА»", PolicyText, StringComparison.Ordinal);
        Assert.Contains("Семейная клиника «МЕДА»", op.Name, StringComparison.Ordinal);
        Assert.Contains("196601, Санкт-Петербург", PolicyText, StringComparison.Ordinal);
        Assert.StartsWith("196601, Санкт-Петербург", op.Address, StringComparison.Ordinal);
        Assert.Contains("Архитектора Данини", op.Address, StringComparison.Ordinal);
        Assert.Contains(op.Email, PolicyText, StringComparison.Ordinal);
        Assert.Contains(Digits(op.Phone), Digits(PolicyText), StringComparison.Ordinal);
    }

    [Fact]
    public void No_consent_text_names_the_placeholder_clinic()
    {
        foreach (var p in _host.Catalog.Purposes)
        {
            Assert.DoesNotContain("Клиника здоровья", p.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Примерная", p.Text, StringComparison.Ordinal);
            Assert.Contains("МЕДА", p.Text, StringComparison.Ordinal);
        }
    }

    private static string Digits(string s) => new([.. s.Where(char.IsDigit)]);

    // "2.3.1. Продвижения…", "5.3. Оператор…", "1.5.2 Оператор…" at the start of a line.
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)+)\.?\s", RegexOptions.Multiline)]
    private static partial Regex ClauseHeading();
}
