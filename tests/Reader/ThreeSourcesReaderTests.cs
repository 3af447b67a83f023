using CaseRecord.Cli;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Reader;

/// <summary>
/// The golden three-sources site (tests/sites/three-sources) as a reader meets it: the pages only a
/// record of several sources has (a fact three sources agree on, one two sources give differently,
/// statements listed by source, a person only mentioned) must pass the same accessibility checks
/// as the seed's, in both schemes, and fit a phone.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ThreeSourcesReaderTests(ThreeSourcesSiteFixture site, ITestOutputHelper output) : IClassFixture<ThreeSourcesSiteFixture>
{
    private static readonly string[] Pages =
    [
        "", "articles/bridge-closed/", "articles/repairs-begin/", "articles/valley-news/", "figures/",
        "figures/daily-vehicles/", "figures/repair-cost/", "figures/closure-date/", "speakers/", "speakers/dana-okafor/",
        "organisations/millbrook-council/", "timeline/",
    ];

    private async Task<IPage> Open(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280, bool bypassCsp = false)
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response?.Ok == true, $"/{path}: {response?.Status}");
        return page;
    }

    [BrowserTheory(Needs.Axe)]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_pages_of_several_sources_pass_axe_core_for_wcag_2_2_aa(ColorScheme scheme)
    {
        var failures = new List<string>();
        foreach (var path in Pages)
        {
            var page = await Open(path, scheme, bypassCsp: true);
            foreach (var v in await PageCheckers.AxeViolations(page)) failures.Add($"/{path} [{scheme}] {v}");
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task No_page_of_several_sources_scrolls_sideways_at_320_css_pixels()
    {
        var wide = new List<string>();
        foreach (var path in Pages)
        {
            var page = await Open(path, width: 320);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            // Names the innermost elements that reach past the viewport, so a failure says where to look.
            if (width > 320) wide.Add($"/{path}: {width}px: " + await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321 && ![...e.children].some(c => c.getBoundingClientRect().right > 321)).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' \"' + e.textContent.trim().slice(0, 40) + '\"').join('; ')"));
            await page.Context.CloseAsync();
        }
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [BrowserFact]
    public async Task Screenshots_of_a_fact_several_sources_state_at_phone_and_desktop_widths()
    {
        var folder = Path.Combine(Repo.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (name, path) in new[] { ("three-sources-figure-differ", "figures/daily-vehicles/"), ("three-sources-article", "articles/repairs-begin/") })
            foreach (var width in new[] { 375, 1280 })
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await Open(path, scheme, width);
                var file = Path.Combine(folder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000);
                await page.Context.CloseAsync();
            }
        output.WriteLine($"screenshots in {folder}");
    }
}

/// <summary>The three-sources golden site with the repository's theme, built by the real command without a search index, served over HTTP.</summary>
public sealed class ThreeSourcesSiteFixture : IAsyncLifetime
{
    private readonly TempProject _project = new();
    private PreviewServer _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Support.Browser.NotFound);
    public string Url(string path = "") => $"http://127.0.0.1:{_server.Port}/{path}";

    public async Task InitializeAsync()
    {
        var from = Repo.PathOf("tests/sites/three-sources");
        foreach (var folder in new[] { "input", "seeds" })
            TempProject.CopyDirectory(Path.Combine(from, folder), _project.PathOf(folder));
        File.Copy(Path.Combine(from, "statiq.json"), _project.PathOf("statiq.json"));
        TempProject.CopyDirectory(Repo.PathOf("theme"), _project.PathOf("theme"));
        var output = _project.PathOf("output");
        var stderr = new StringWriter();
        Assert.True(new CommandLine(new StringWriter(), stderr).Run(["build", "--root", _project.Root, "-s", "SearchIndex=false"]) == 0, stderr.ToString());
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => new DirectoryFiles(output), new LiveReloadHub(), () => "");
        if (Support.Browser.Chromium is not null) (_playwright, _browser) = await Support.Browser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        _project.Dispose();
    }
}
