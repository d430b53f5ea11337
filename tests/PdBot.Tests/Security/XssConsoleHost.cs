using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;
using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Security;

/// <summary>
/// One console host whose data carries markup wherever people type: a person's platform id, an inbox message, a
/// consultation lead's name, a review's text and signature, a request's free-text fields, a mailing's text, an audit
/// entry. <see cref="Path"/> turns a page pattern like <c>/admin/leads/{lead}</c> into a real address.
/// </summary>
public sealed class XssConsoleHost : SharedConsoleHost
{
    /// <summary>Would set window.__xss if the browser ran it as markup.</summary>
    public const string Script = "<script>window.__xss=1</script>";

    /// <summary>Breaks out of an attribute and adds an element with a handler, if not escaped.</summary>
    public const string Attribute = "\"><img src=x onerror=window.__xss=2>";

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public string Path(string pattern) =>
        _ids.Aggregate(pattern, (path, id) => path.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    protected override async Task SeedAsync(ConsoleHost host)
    {
        var person = "xss" + Attribute;
        await host.GiveMailingConsentAsync(person);
        await host.Chat(person).Send(Script).SkipReplies().StartTestAsync();
        var found = host.Services.GetRequiredService<IConsentStore>().FindPerson("telegram", person)!;
        _ids["person"] = found.Id;
        _ids["conversation"] = host.Services.GetRequiredService<ConversationService>().Store.LatestOf(found.Id)!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var leads = host.Services.GetRequiredService<ILeadStore>();
        var lead = leads.Find(await LeadsPageTests.SubmitAsync(host, "xss-lead", "Анна", "+7 921 000-00-00"))!;
        lead.Name = Script + Attribute;
        await leads.SaveAsync(lead, [], []);
        _ids["lead"] = Id(lead.Id);

        await ReviewsPageTests.SendReviewAsync(host, "xss-review", "Очень вежливые администраторы");
        var reviews = host.Services.GetRequiredService<ReviewService>().Store;
        var review = reviews.List().Single(r => r.Text == "Очень вежливые администраторы");
        review.Text = Script + Attribute;
        review.Signature = Attribute;
        await reviews.SaveAsync(review, [], []);
        _ids["review"] = Id(review.Id);

        var requests = host.Services.GetRequiredService<RequestService>();
        var request = requests.Start(found, RequestType.Access, "document");
        await requests.SaveDraftAsync(request);
        request.DocumentNumber = "4510 918273";
        request.DocumentIssuer = Attribute;
        request.Statement = Script;
        _ids["request"] = Id((await requests.ReceiveAsync(found, request)).Id);

        var mailing = await MailingLedgerSeed.ScheduledAsync(host, MailingLedgerSeed.Promo with { Text = "Акция " + Script + Attribute });
        _ids["mailing"] = Id(mailing.Id);

        await host.Audit.AppendAsync(
        [
            new AuditEntry { TimeUtc = host.Clock.GetUtcNow().UtcDateTime, Kind = "test", Event = "xss", Channel = "test", Actor = Attribute, Detail = Script },
        ]);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
