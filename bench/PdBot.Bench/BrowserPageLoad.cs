using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace PdBot.Bench;

/// <summary>
/// The consent log's load time as a person sees it: headless Debian Chromium, signed in, navigation start to
/// the load event (Navigation Timing), so HTML parsing, the stylesheet and layout are included.
/// </summary>
internal static class BrowserPageLoad
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static bool Available => File.Exists(Chromium) && File.Exists(Driver);

    public static void Measure(string address, string login, string password, IReadOnlyList<(string Name, string Path)> pages, int runs, string profile)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1400,1000", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        try
        {
            driver.Navigate().GoToUrl(address + "/admin/login");
            driver.FindElement(By.Id("login")).SendKeys(login);
            driver.FindElement(By.Id("password")).SendKeys(password);
            driver.FindElement(By.Id("sign-in")).Click();
            if (driver.FindElements(By.Id("who")).Count == 0)
            {
                throw new InvalidOperationException("the browser could not sign in");
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Headless Chromium, navigation start → load event, {runs} loads each after 3 warm-ups"));
            Console.WriteLine("| view | median ms | p95 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (name, path) in pages)
            {
                var times = new List<double>();
                for (var i = 0; i < runs + 3; i++)
                {
                    driver.Navigate().GoToUrl(address + path);
                    var ms = Convert.ToDouble(((IJavaScriptExecutor)driver).ExecuteScript(
                        "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;"), CultureInfo.InvariantCulture);
                    if (i >= 3)
                    {
                        times.Add(ms);
                    }
                }

                var sorted = times.Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {sorted[sorted.Count / 2]:0.0} | {sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1]:0.0} | {sorted[^1]:0.0} |"));
            }
        }
        finally
        {
            driver.Quit();
        }
    }
}
