using System.Globalization;
using System.Text;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Core.Leads;

/// <summary>The person's consultation requests in the answer to their access request: their own data in full, and until when they are kept.</summary>
public sealed class LeadAccessSection(ILeadStore store, ConsentCatalog catalog) : IAccessReportSection
{
    public string? Describe(string personId)
    {
        var leads = store.OfPerson(personId).Where(l => l.State != LeadState.Filling).OrderBy(l => l.Id).ToList();
        if (leads.Count == 0)
        {
            return null;
        }

        var days = catalog.Consultation?.RetentionDays ?? 30;
        var text = new StringBuilder("Заявки на бесплатную консультацию (п. 2.3.1 Политики):");
        foreach (var l in leads)
        {
            var sent = RequestTexts.Date(DateOnly.FromDateTime(l.CreatedAtUtc));
            text.Append(CultureInfo.InvariantCulture, $"\n— № {l.Id} от {sent}, {LeadTexts.State(l.State)}: ");
            if (l.DestroyedAtUtc is { } destroyed)
            {
                text.Append(CultureInfo.InvariantCulture, $"данные заявки уничтожены {RequestTexts.Date(DateOnly.FromDateTime(destroyed))}.");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"имя {l.Name}, телефон {LeadPhone.Display(l.Phone)}, желаемое время {LeadTexts.When(l)}");
            if (l.Direction is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $", направление «{l.Direction}»");
            }

            text.Append(CultureInfo.InvariantCulture, $"; хранятся до консультации, но не дольше {RequestTexts.Date(DateOnly.FromDateTime(l.CreatedAtUtc.AddDays(days)))}.");
        }

        return text.ToString();
    }
}
