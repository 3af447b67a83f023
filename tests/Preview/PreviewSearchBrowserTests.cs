using System.Diagnostics;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Preview;
using CaseRecord.Search;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Preview;

/// <summary>The preview makes the search index beside its builds: its search page finds what the last good build holds.</summary>
[Trait("Category", "Slow")]
public sealed class PreviewSearchBrowserTests(ITestOutputHelper output)
{
    private const string SpeakerFile = "input/speakers/sara-thornton.md";

    private static async Task Until(Func<bool> done, string what, StringWriter log)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"timed out waiting until {what}; log:\n{log}");
            await Task.Delay(50);
        }
    }

    /// <param name="url">Null: the page already open.</param>
    private static async Task<ILocator> Search(IPage page, string? url, string query)
    {
        if (url is not null) await page.GotoAsync(url);
        // Opened before the index is made, the page waits for it by itself (the preview answers 503 meanwhile).
        var input = page.Locator("#search input");
        await input.WaitForAsync(new() { Timeout = 90_000 });
        await input.FillAsync(query);
        var result = page.Locator(".pagefind-ui__result-link").First;
        await result.WaitForAsync(new() { Timeout = 60_000 });
        return result;
    }

    /// <summary>Pagefind, held back until the test lets it run.</summary>
    private sealed class HeldTool(ISearchIndexTool inner, ManualResetEventSlim gate) : ISearchIndexTool
    {
        public string? Unavailable() => inner.Unavailable();
        public bool Reads(string path) => inner.Reads(path);
        public bool Run(string site, string linkRoot, SearchIndexSettings how, TextWriter log, CancellationToken cancel)
        {
            gate.Wait(cancel);
            return inner.Run(site, linkRoot, how, log, cancel);
        }
    }

    /// <summary>The seed's pages with a stand-in Pagefind that is still being made at the first request for it and made by the next.</summary>
    private sealed class MadeJustAfterTheFirstTry(ISiteFiles site) : ISiteFiles, IPendingFiles
    {
        private const string Ui = "pagefind/pagefind-ui.js";
        private int _asked;

        public bool TryGetFile(string path, out ReadOnlyMemory<byte> content)
        {
            if (path == Ui && Volatile.Read(ref _asked) > 0)
            {
                content = System.Text.Encoding.UTF8.GetBytes(
                    "window.PagefindUI = function (o) { var i = document.createElement('input'); document.querySelector(o.element).appendChild(i); };");
                return true;
            }
            if (path.StartsWith("pagefind/", StringComparison.Ordinal)) { content = default; return false; }
            return site.TryGetFile(path, out content);
        }

        public bool IsPending(string path) => path == Ui && Interlocked.Increment(ref _asked) == 1;
    }

    [BrowserFact]
    public async Task An_index_made_between_the_failed_load_and_the_check_is_loaded_not_given_up_on()
    {
        var built = new SiteBuilder(new DiskContentSource(Repo.Root), new Dictionary<string, string> { ["SearchIndex"] = "false" }).Build(null);
        Assert.True(built.Succeeded);
        var files = new MadeJustAfterTheFirstTry(new SnapshotFiles(built.FilesByPath));
        await using var server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => files, new LiveReloadHub(), () => "");
        var (playwright, browser) = await Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Port}/search/index.html");
        // The script's GET is answered 503 and the HEAD that follows 200: the page loads it again at once.
        await page.Locator("#search input").WaitForAsync(new() { Timeout = 30_000 });
        Assert.False(await page.Locator(".search-status[role=status]").IsVisibleAsync());
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task The_search_page_says_the_index_is_being_made_and_opens_by_itself_when_it_is()
    {
        var built = new SiteBuilder(new DiskContentSource(Repo.Root), new Dictionary<string, string>()).Build(null);
        Assert.True(built.Succeeded);
        using var gate = new ManualResetEventSlim();
        var log = new StringWriter();
        await using var index = new PreviewSearchIndex(new HeldTool(new PagefindTool(Repo.Root), gate), TextWriter.Synchronized(log), TimeSpan.FromMilliseconds(100));
        index.Update(built.FilesByPath, "", enabled: true);
        var site = new SnapshotFiles(built.FilesByPath);
        await using var server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => new WithSearchIndex(site, index), new LiveReloadHub(), () => "");
        var (playwright, browser) = await Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{server.Port}/search/index.html");
        var status = page.Locator(".search-status[role=status]");
        await page.WaitForFunctionAsync("() => document.querySelector('.search-status[role=status]').textContent.includes('making the search index')", null, new() { Timeout = 30_000 });
        Assert.True(await status.IsVisibleAsync());
        Assert.True(await page.Locator(".search-browse").IsVisibleAsync());

        gate.Set();
        try { await Search(page, null, "repeat that apology today"); }
        catch (TimeoutException e) { throw new TimeoutException($"{e.Message}\npreview log:\n{log}\nstatus: {await status.TextContentAsync()}", e); }
        Assert.Contains(await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("l => l.map(a => a.getAttribute('href'))"),
            h => h.EndsWith("/articles/thornton-refuses-responsibility/#p9", StringComparison.Ordinal));
        Assert.False(await status.IsVisibleAsync());
        Assert.False(await page.Locator(".search-browse").IsVisibleAsync());
    }

    [BrowserTheory(Needs.Pagefind)]
    [InlineData("")]
    [InlineData("/case-record")]
    public async Task The_previews_search_finds_the_record_and_after_an_edit_finds_the_edit(string virtualDir)
    {
        using var project = new TempProject(Repo.Root);
        var log = new StringWriter();
        await using var session = new PreviewSession(new BuildOptions(project.Root, null, new Dictionary<string, string>(), false),
            new PreviewServerOptions(0, virtualDir, Reload: true), watch: true, TextWriter.Synchronized(log), searchIndex: true);
        await session.StartAsync();
        Assert.NotNull(session.Search);
        var (playwright, browser) = await Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        var clock = Stopwatch.StartNew();
        var result = await Search(page, session.Url + "search/", "repeat that apology today");
        output.WriteLine($"first build to a result: {clock.ElapsedMilliseconds} ms");
        // The preview links as statiq.json says (to index.html unless LinkHideIndexPages), under its virtual folder.
        Assert.Contains(await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("l => l.map(a => a.getAttribute('href'))"),
            h => h.StartsWith(virtualDir + "/articles/thornton-refuses-responsibility/", StringComparison.Ordinal) && h.EndsWith("#p9", StringComparison.Ordinal));
        Assert.Matches(@"search: indexed \d+ pages.* for the preview in \d+ ms", log.ToString());

        // A word only the edit brings: found once the rebuild's index is made, which the reload did not wait for.
        var made = session.Search!.Made;
        var builds = session.Builds;
        var file = project.PathOf(SpeakerFile);
        File.WriteAllText(file, File.ReadAllText(file) + "\nShe was interviewed about the Quillfeather review.\n");
        await Until(() => session.Builds > builds, "the edit is rebuilt", log);
        await Until(() => session.Search.Made > made, "the edit is indexed", log);
        result = await Search(page, session.Url + "search/", "Quillfeather");
        Assert.StartsWith(virtualDir + "/speakers/sara-thornton/", await result.GetAttributeAsync("href"));
    }
}
