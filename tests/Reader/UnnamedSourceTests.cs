using CaseRecord.Preview;
using CaseRecord.Tests.Golden;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Reader;

/// <summary>
/// The example site's article quotes a source it does not name (the seed site has none): its page,
/// with the description after the quotation, read by the same judges as the seed site's pages.
/// </summary>
[Trait("Category", "Slow")]
public sealed class UnnamedSourceTests : IAsyncLifetime
{
    private const string Article = "articles/riverside-flooding/index.html";
    private readonly TempProject _folder = new();
    private PreviewServer _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var (result, output) = ExampleSiteTests.BuildExample();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        _folder.Write(Article, output.Text(Article));
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, "", Reload: false), () => new SnapshotFiles(output.Files), new LiveReloadHub(), () => "");
        if (Browser.Chromium is not null) (_playwright, _browser) = await Browser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [BrowserTheory(Needs.Axe)]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_article_with_an_unnamed_source_passes_axe_core_for_wcag_2_2_aa(ColorScheme scheme)
    {
        var context = await _browser!.NewContextAsync(new() { ColorScheme = scheme, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"http://127.0.0.1:{_server.Port}/{Article}");
        Assert.Equal("a resident whose home flooded twice, not named", await page.Locator("#p11 .said-by .unnamed").InnerTextAsync());
        var violations = await PageCheckers.AxeViolations(page);
        await context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [ToolFact(Needs.NuChecker)]
    public void The_article_with_an_unnamed_source_is_valid_html()
    {
        var (exitCode, said) = PageCheckers.NuHtmlErrors(_folder.PathOf(Article));
        Assert.True(exitCode == 0, said);
    }
}
