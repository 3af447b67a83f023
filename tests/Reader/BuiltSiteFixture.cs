using CaseRecord.Cli;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Reader;

/// <summary>
/// A site built by the real command, served over HTTP under its LinkRoot, with a browser where
/// there is one: the seed (search index included where Pagefind is installed), or a golden site
/// of tests/sites with the repository's theme (no search index).
/// </summary>
public abstract class BuiltSite(string linkRoot, string? golden = null) : IAsyncLifetime
{
    private readonly TempProject _project = new(Repo.Root);
    private PreviewServer _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    /// <summary>Only for <see cref="BrowserFactAttribute"/> tests, which are skipped where there is no Chromium.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Support.Browser.NotFound);
    public string Output => _project.PathOf("site");
    public string LinkRoot => linkRoot;
    public string BuildLog { get; private set; } = "";
    public string Url(string path = "") => $"http://127.0.0.1:{_server.Port}{linkRoot}/{path}";

    public async Task InitializeAsync()
    {
        // Build from the repository so node_modules (pagefind) is found as in CI.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] under = linkRoot.Length > 0 ? ["-s", $"LinkRoot={linkRoot}"] : [];
        var root = Repo.Root;
        if (golden is not null)
        {
            root = _project.PathOf("golden");
            foreach (var folder in new[] { "input", "seeds" })
                TempProject.CopyDirectory(Repo.PathOf($"{golden}/{folder}"), Path.Combine(root, folder));
            File.Copy(Repo.PathOf($"{golden}/statiq.json"), Path.Combine(root, "statiq.json"));
            TempProject.CopyDirectory(Repo.PathOf("theme"), Path.Combine(root, "theme"));
            under = [.. under, "-s", "SearchIndex=false"];
        }
        var code = new CommandLine(stdout, stderr).Run(["build", "--root", root, "-o", Output, "-s", "LinkHideIndexPages=true", .. under]);
        BuildLog = stdout + "\n" + stderr;
        Assert.True(code == 0, BuildLog);
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, linkRoot, Reload: false), () => new DirectoryFiles(Output), new LiveReloadHub(), () => "");
        if (Support.Browser.Chromium is not null) (_playwright, _browser) = await Support.Browser.Launch();
    }

    /// <summary>A page in a new browser context of its own (close it with <c>page.Context.CloseAsync()</c>).</summary>
    /// <param name="bypassCsp">Only for injecting axe-core, which the pages' own policy rightly refuses.</param>
    public async Task<IPage> Open(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280, bool javascript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme, JavaScriptEnabled = javascript, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url(path));
        return page;
    }

    /// <summary>What axe-core finds against WCAG 2.2 AA on each of the pages, in one scheme.</summary>
    public async Task<IReadOnlyList<string>> AxeFailures(IEnumerable<string> paths, ColorScheme scheme)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var page = await Open(path, scheme, bypassCsp: true);
            foreach (var v in await PageCheckers.AxeViolations(page)) failures.Add($"/{path} [{scheme}] {v}");
            await page.Context.CloseAsync();
        }
        return failures;
    }

    /// <summary>The pages wider than a viewport of <paramref name="width"/> CSS pixels, each with the innermost elements that reach past it.</summary>
    public async Task<IReadOnlyList<string>> TooWide(IEnumerable<string> paths, int width)
    {
        var wide = new List<string>();
        foreach (var path in paths)
        {
            var page = await Open(path, width: width);
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scroll > width) wide.Add($"/{path}: {scroll}px: " + await page.EvaluateAsync<string>(
                "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' \"' + e.textContent.trim().slice(0, 40) + '\"').join('; ')", width));
            await page.Context.CloseAsync();
        }
        return wide;
    }

    /// <summary>Full-page screenshots of the pages at phone and desktop widths in both schemes, into TestResults/screenshots; returns the folder.</summary>
    public async Task<string> Screenshots(IEnumerable<(string Name, string Path)> pages)
    {
        var folder = Path.Combine(Repo.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (name, path) in pages)
            foreach (var width in new[] { 375, 1280 })
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await Open(path, scheme, width);
                var file = Path.Combine(folder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
                await page.Context.CloseAsync();
            }
        return folder;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        _project.Dispose();
    }
}

/// <summary>The seed site at the root of its host.</summary>
public sealed class BuiltSiteFixture() : BuiltSite("")
{
    public static readonly string[] PageTypes =
    [
        "", "articles/", "articles/thornton-refuses-responsibility/", "speakers/", "speakers/sara-thornton/",
        "figures/", "figures/offences-recorded/", "timeline/", "organisations/", "organisations/thames-valley-police/",
        "data/", "search/", "no-such-page/",
    ];
}

/// <summary>The seed site under a sub-path, as GitHub Pages serves a project site.</summary>
public sealed class SubPathSiteFixture() : BuiltSite("/case-record");

/// <summary>The golden three-sources site (tests/sites/three-sources) with the repository's theme.</summary>
public sealed class ThreeSourcesSiteFixture() : BuiltSite("", "tests/sites/three-sources");
