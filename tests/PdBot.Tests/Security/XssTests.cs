using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Security;

/// <summary>
/// Markup typed by people (names, ids, messages, form answers) is shown as text on every console page that shows it:
/// the served HTML holds it escaped, and in the browser no script ran and no element was injected.
/// </summary>
public sealed class XssTests(XssConsoleHost shared) : IClassFixture<XssConsoleHost>
{
    [Theory]
    [InlineData("/admin/people/{person}")]
    [InlineData("/admin/consents")]
    [InlineData("/admin/inbox/{conversation}")]
    [InlineData("/admin/leads/{lead}")]
    [InlineData("/admin/reviews")]
    [InlineData("/admin/reviews/{review}")]
    [InlineData("/admin/requests/{request}")]
    [InlineData("/admin/mailings/{mailing}")]
    [InlineData("/admin/audit")]
    public async Task Markup_in_peoples_data_is_shown_as_text(string pattern)
    {
        var path = shared.Path(pattern);

        var (html, text) = await OpenAsync(path);

        Assert.Contains("&lt;", html, StringComparison.Ordinal);
        Assert.True(
            text.Contains(XssConsoleHost.Script, StringComparison.Ordinal) || text.Contains(XssConsoleHost.Attribute, StringComparison.Ordinal),
            $"{path} does not show the seeded text");
    }

    /// <summary>These lists show numbers, states and dates, not what people typed; the seeded item is listed all the same.</summary>
    [Theory]
    [InlineData("/admin/inbox", "/admin/inbox/{conversation}")]
    [InlineData("/admin/leads", "/admin/leads/{lead}")]
    [InlineData("/admin/requests", "/admin/requests/{request}")]
    [InlineData("/admin/mailings", "/admin/mailings/{mailing}")]
    public async Task Lists_of_items_with_markup_inject_nothing(string pattern, string itemLink)
    {
        var (html, _) = await OpenAsync(shared.Path(pattern));

        Assert.Contains($"href=\"{shared.Path(itemLink)}\"", html, StringComparison.Ordinal);
    }

    /// <summary>Opens the page over HTTP and in the browser, checks that no markup got through, returns the HTML and the visible text.</summary>
    private async Task<(string Html, string Text)> OpenAsync(string path)
    {
        var client = await shared.ClientAsync(ConsoleHost.AdminLogin);
        var html = await client.GetTextAsync(path);
        Assert.DoesNotContain("<script>window.__xss", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);

        var browser = shared.Browser(ConsoleHost.AdminLogin);
        browser.Open(path);
        Assert.Equal(path, browser.Location);
        Assert.Equal("undefined", browser.Driver.ExecuteScript("return typeof window.__xss"));
        Assert.Equal(0L, browser.Driver.ExecuteScript("return document.querySelectorAll('img[src=\"x\"], script:not([src])').length"));
        return (html, browser.PageText);
    }
}
