using System.Text;

namespace PdBot.Core.Incidents;

/// <summary>A notice to Roskomnadzor ready to copy into the portal or print: a title and the form's items in order.</summary>
public sealed record IncidentNotice(string Title, IReadOnlyList<NoticeField> Fields)
{
    /// <summary>The items with nothing filled in yet.</summary>
    public IEnumerable<NoticeField> MissingFields => Fields.Where(f => f.IsMissing);

    /// <summary>The plain text: the title, then «N. Пункт: ответ» per item.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder(Title).Append('\n').Append('\n');
            for (var i = 0; i < Fields.Count; i++)
            {
                text.Append(i + 1).Append(". ").Append(Fields[i].Label).Append(": ").Append(Fields[i].Value).Append('\n');
            }

            return text.ToString();
        }
    }
}
