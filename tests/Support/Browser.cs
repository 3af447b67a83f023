using Microsoft.Playwright;

namespace CaseRecord.Tests.Support;

/// <summary>
/// A Chromium already on the machine, driven by Playwright; never a downloaded one (nothing here
/// runs 'playwright install'). Tests that use it are <see cref="BrowserFactAttribute"/>s, skipped
/// with <see cref="NotFound"/> where there is none.
/// </summary>
public static class Browser
{
    /// <summary>
    /// The first of: $CHROMIUM_PATH; /usr/bin/chromium; chromium, chromium-browser, google-chrome or
    /// google-chrome-stable on PATH; the newest Chromium in Playwright's cache
    /// ($PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright). Null where there is none.
    /// CHROMIUM_PATH=none pretends there is none, to try the skips on a machine that has one; a
    /// CHROMIUM_PATH that names no file is not passed over for another browser either.
    /// </summary>
    public static string? Chromium { get; } = Find();

    /// <summary>The one line a skipped browser test says.</summary>
    public static string NotFound =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set && set != "none"
            ? $"no Chromium found: CHROMIUM_PATH={set} is not a file; point it at a Chromium or Chrome, or unset it to look in the usual places"
            : "no Chromium found: apt-get install chromium, or set CHROMIUM_PATH to a Chromium or Chrome";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set)
            return set != "none" && File.Exists(set) ? set : null;
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            if (Tools.OnPath(name) is { } found) return found;
        return InPlaywrightCache();
    }

    private static string? InPlaywrightCache()
    {
        var cache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } set && set != "0"
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!Directory.Exists(cache)) return null;
        // chromium-1194/chrome-linux/chrome or chrome-linux64/chrome; the highest revision first.
        return Directory.EnumerateDirectories(cache, "chromium-*")
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d)["chromium-".Length..], out var revision) ? revision : -1)
            .SelectMany(d => Directory.EnumerateDirectories(d, "chrome-linux*").Select(platform => Path.Combine(platform, "chrome")))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> Launch()
    {
        Assert.True(Chromium is not null, NotFound);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in a container, and a closed network: no sandbox, no background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Waits until the page's address ends with <paramref name="suffix"/>, and for nothing else
    /// (Playwright's own assertion, which polls the address). WaitForURLAsync, when the address
    /// already matches, waits for the load event whatever it is told, and a machine busy with the
    /// whole suite once held that back past a minute.
    /// </summary>
    public static Task ArrivesAt(IPage page, string suffix, int timeout = 60_000) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(suffix) + "$"), new() { Timeout = timeout });
}
