using System.Diagnostics;
using CaseRecord.Building;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Preview;

/// <summary>A real browser keeps a page open across edits and sees it reload by itself.</summary>
[Trait("Category", "Slow")]
public sealed class LiveReloadBrowserTests(ITestOutputHelper output)
{
    private const string ArticleFile = "input/articles/thornton-refuses-responsibility.md";

    [BrowserFact]
    public async Task An_open_page_reloads_by_itself_keeps_its_place_and_shows_build_errors()
    {
        using var project = new TempProject(Repo.Root);
        await using var preview = await Preview.Open(project, 800, 600);
        var (session, page) = (preview.Session, preview.Page);
        var clock = Stopwatch.StartNew();
        while (session.Hub.ClientCount == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        Assert.True(session.Hub.ClientCount > 0, "the page never connected for live reload");

        await page.EvaluateAsync("() => { window.__sameDocument = true; window.scrollTo(0, 900); }");
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 500);

        var file = project.PathOf(ArticleFile);
        var original = File.ReadAllText(file);
        File.WriteAllText(file, original.Replace("title: Chief constable Sara Thornton refuses", "title: Edited in the browser test, Thornton refuses"));
        clock.Restart();
        await page.WaitForFunctionAsync("() => !window.__sameDocument && document.querySelector('h1').textContent.includes('Edited in the browser test')",
            null, new() { Timeout = 60_000 });
        output.WriteLine($"save to reloaded page: {clock.ElapsedMilliseconds} ms");
        await page.WaitForFunctionAsync($"() => Math.abs(window.scrollY - {scrolled}) < 150", null, new() { Timeout = 10_000 });

        // A broken save: the open page keeps its content and shows the error, path:line, in an overlay.
        File.WriteAllText(file, original.Replace("speakers: [sara-thornton]", "speakers: [sara-thornton"));
        var overlay = await page.WaitForSelectorAsync("#case-record-build-error", new() { Timeout = 60_000 });
        Assert.Contains("input/articles/thornton-refuses-responsibility.md:1", await overlay!.TextContentAsync());
        Assert.Contains("Edited in the browser test", await page.TextContentAsync("h1"));

        // Mended: the overlay goes and the page shows the good build.
        File.WriteAllText(file, original);
        await page.WaitForFunctionAsync("() => !document.getElementById('case-record-build-error') && document.querySelector('h1').textContent.includes('Chief constable Sara Thornton')",
            null, new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task The_builds_warnings_are_listed_in_a_small_panel_that_opens_and_closes_and_never_covers_the_page()
    {
        using var project = new TempProject(Repo.Root);
        var file = project.PathOf(ArticleFile);
        var original = File.ReadAllText(file);
        // An unknown key is a warning, not an error: the site builds and the panel says so.
        File.WriteAllText(file, original.Replace("publisher: Oxford Mail", "publisher: Oxford Mail\npublsher: typo"));
        await using var preview = await Preview.Open(project, 375, 700);
        var page = preview.Page;
        var panel = await page.WaitForSelectorAsync("details#case-record-warnings", new() { Timeout = 30_000 });
        Assert.Equal("1 warning in this build", await page.TextContentAsync("#case-record-warnings summary"));
        Assert.False(await panel!.EvaluateAsync<bool>("d => d.open"));
        Assert.Null(await page.QuerySelectorAsync("#case-record-build-error"));
        // Collapsed, it is one line in a corner: the page's heading is not under it.
        var box = (await panel.BoundingBoxAsync())!;
        Assert.True(box.Height < 60, $"the closed panel is {box.Height}px high");
        await page.ClickAsync("#case-record-warnings summary");
        var line = await page.TextContentAsync("#case-record-warnings li");
        Assert.StartsWith("input/articles/thornton-refuses-responsibility.md:6:1: warning: unknown key 'publsher'", line);

        // Fixed: the panel goes with the next build.
        File.WriteAllText(file, original);
        await page.WaitForFunctionAsync("() => !document.getElementById('case-record-warnings')", null, new() { Timeout = 60_000 });
    }

    /// <summary>A watched preview of the project, with the seed's article open in Chromium at the given size.</summary>
    private sealed class Preview(PreviewSession session, Microsoft.Playwright.IPlaywright playwright, Microsoft.Playwright.IBrowser browser, Microsoft.Playwright.IPage page) : IAsyncDisposable
    {
        public PreviewSession Session => session;
        public Microsoft.Playwright.IPage Page => page;

        public static async Task<Preview> Open(TempProject project, int width, int height)
        {
            var session = new PreviewSession(new BuildOptions(project.Root, null, new Dictionary<string, string>(), false),
                new PreviewServerOptions(0, "", Reload: true), watch: true, TextWriter.Null);
            await session.StartAsync();
            var (playwright, browser) = await Browser.Launch();
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync(session.Url + "articles/thornton-refuses-responsibility/index.html");
            return new Preview(session, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await session.DisposeAsync();
        }
    }
}
