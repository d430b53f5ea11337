using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// Debian's Chromium driven by its chromedriver (no downloads, no network but loopback), with a fresh profile.
/// Screenshots go to <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "pdbot-chromium", Guid.NewGuid().ToString("N"));

    public HeadlessChromium(string baseAddress)
    {
        Assert.True(File.Exists(ChromiumPath) && File.Exists(DriverPath),
            "Debian's chromium and chromium-driver are needed: apt-get install -y chromium chromium-driver (.ci/run does it)");
        BaseAddress = baseAddress;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=ru-RU", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver { get; }

    public string BaseAddress { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public void Open(string path) => Driver.Navigate().GoToUrl(BaseAddress + path);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public bool Exists(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    public string PageText => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>The current page's path and query.</summary>
    public string Location => new Uri(Driver.Url).PathAndQuery;

    /// <summary>Signs in and checks that it worked.</summary>
    public void SignIn(string login, string password = ConsoleHost.Password)
    {
        SubmitSignIn(login, password);
        Assert.True(Exists("#who"), $"{login} is not signed in: {Location}");
    }

    /// <summary>Types into the sign-in form and submits it, whatever the outcome.</summary>
    public void SubmitSignIn(string login, string password)
    {
        Open("/admin/login");
        Find("#login").SendKeys(login);
        Find("#password").SendKeys(password);
        ClickAndWait("#sign-in");
    }

    /// <summary>Clicks something that loads a new page and waits until the old page is gone.</summary>
    public void ClickAndWait(string css) => ClickAndWait(Find(css));

    public void ClickAndWait(IWebElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        RunAndWait(element.Click);
    }

    /// <summary>Does something that loads a new page (a click, a scripted submit) and waits until it has loaded.</summary>
    public void RunAndWait(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);

        // A mark on the old page's window object: a new page load starts with a fresh one.
        Script("window.__pdbotOldPage = true;");
        action();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(15)).Until(_ =>
            Script("return window.__pdbotOldPage === undefined && document.readyState === 'complete';") is true);
    }

    private object? Script(string js) => ((IJavaScriptExecutor)Driver).ExecuteScript(js);

    public void Select(string css, string value) => new SelectElement(Find(css)).SelectByValue(value);

    /// <summary>Sets a date input (typing into it depends on the locale's field order).</summary>
    public void SetValue(string css, string value) =>
        ((IJavaScriptExecutor)Driver).ExecuteScript("arguments[0].value = arguments[1];", Find(css), value);

    /// <summary>Saves a PNG of the page under screenshots/NAME.png and returns its path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
