using System.Globalization;
using System.Text;

namespace PdBot.Core.Requests;

/// <summary>Typed words compared the way people mean them: case, ё, punctuation, quotes and spacing do not matter.</summary>
public static class IntakeText
{
    public static string Normalize(string? text)
    {
        var s = (text ?? "").Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.GetCultureInfo("ru-RU")).Replace('ё', 'е');
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c) || c == '/')
            {
                b.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) && b.Length > 0 && b[^1] != ' ')
            {
                b.Append(' ');
            }
        }

        return b.ToString().TrimEnd();
    }
}
