using System.Globalization;
using System.Text;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>
/// The chart as inline SVG, drawn on the server: the console runs no script (its CSP forbids inline ones).
/// Each day is a group with its date and counts in data attributes and a tooltip; green bars subscriptions, red unsubscriptions.
/// </summary>
public static class SubscriptionChartSvg
{
    private const int Width = 960;
    private const int Height = 260;
    private const int Left = 44;
    private const int Right = 8;
    private const int Top = 10;
    private const int Bottom = 28;
    private const string GivenColour = "#1d7a3a";
    private const string WithdrawnColour = "#b3261e";

    public static string Render(IReadOnlyList<SubscriptionDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var ic = CultureInfo.InvariantCulture;
        var max = Math.Max(1, days.Count == 0 ? 0 : days.Max(d => Math.Max(d.Given, d.Withdrawn)));
        var plotHeight = Height - Top - Bottom;
        var slot = (double)(Width - Left - Right) / Math.Max(1, days.Count);
        var bar = Math.Max(1, (slot - 2) / 2);
        double Y(int value) => Top + plotHeight - (plotHeight * (double)value / max);
        string F(double v) => v.ToString("0.##", ic);

        var svg = new StringBuilder();
        svg.Append(ic, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"subscription-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Подписки и отписки по дням за {days.Count} дней\" data-max=\"{max}\">");
        foreach (var value in new[] { 0, (max + 1) / 2, max }.Distinct())
        {
            svg.Append(ic, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\" stroke=\"#d9dde5\" stroke-width=\"1\"/>");
            svg.Append(ic, $"<text x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5d6675\">{value}</text>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var x = Left + (i * slot) + 1;
            var date = d.Date.ToString("dd.MM.yyyy", ic);
            svg.Append(ic, $"<g class=\"day\" data-date=\"{d.Date.ToString("yyyy-MM-dd", ic)}\" data-given=\"{d.Given}\" data-withdrawn=\"{d.Withdrawn}\">");
            svg.Append(ic, $"<title>{date}: подписались {d.Given}, отписались {d.Withdrawn}</title>");
            svg.Append(ic, $"<rect class=\"given\" x=\"{F(x)}\" y=\"{F(Y(d.Given))}\" width=\"{F(bar)}\" height=\"{F(Y(0) - Y(d.Given))}\" fill=\"{GivenColour}\"/>");
            svg.Append(ic, $"<rect class=\"withdrawn\" x=\"{F(x + bar)}\" y=\"{F(Y(d.Withdrawn))}\" width=\"{F(bar)}\" height=\"{F(Y(0) - Y(d.Withdrawn))}\" fill=\"{WithdrawnColour}\"/>");
            svg.Append("</g>");
            if (i % 15 == 0 || i == days.Count - 1)
            {
                // The last day's label ends at the bar, so it is not cut off at the edge.
                var (anchor, at) = i == days.Count - 1 ? ("end", x + (2 * bar)) : ("middle", x + bar);
                svg.Append(ic, $"<text x=\"{F(at)}\" y=\"{Height - 8}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#5d6675\">{d.Date.ToString("dd.MM", ic)}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
