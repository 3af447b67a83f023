using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Reader;

/// <summary>Issue 20's quotation permalinks in Chromium: reached by keyboard, they go to the quotation and mark it; the speaker page's lead there too.</summary>
[Trait("Category", "Slow")]
public sealed class QuotationPermalinkBrowserTests(BuiltSiteFixture site, ITestOutputHelper output) : IClassFixture<BuiltSiteFixture>
{
    private const string Article = "articles/thornton-refuses-responsibility/";

    private async Task<IPage> Open(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280)
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        return page;
    }

    /// <summary>The quotation the address's fragment targets, if it is in view: its id, else null.</summary>
    private static Task<string?> TargetInView(IPage page) => page.EvaluateAsync<string?>(
        "() => { const t = document.querySelector(':target'); if (!t || t.localName !== 'q') return null; const r = t.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight ? t.id : null; }");

    [BrowserFact]
    public async Task The_link_to_a_quotation_is_reached_by_keyboard_and_goes_to_it()
    {
        var page = await Open(Article);
        // From the paragraph's own link, Tab goes on through the paragraph to the quotation's link.
        await page.Locator("#p12 .para-link").FocusAsync();
        string? label = null;
        for (var i = 0; i < 10 && label is null; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            label = await page.EvaluateAsync<string?>("() => document.activeElement.matches('#p12 a.quote-link') ? document.activeElement.getAttribute('aria-label') : null");
        }
        Assert.Equal("Link to this quotation of Sara Thornton in paragraph 12", label);
        var box = await page.EvaluateAsync<double[]>("() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; }");
        Assert.True(box[0] > 0 && box[1] > 0, $"target {box[0]}x{box[1]}");
        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith(href, page.Url);
        Assert.Equal(href[1..], await TargetInView(page));
        // The quotation is marked as the target.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector(':target')).outlineStyle"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_speaker_page_links_to_the_quotation_on_its_article()
    {
        var page = await Open("speakers/sara-thornton/");
        var link = page.Locator("a.quote-permalink").Nth(2);
        var href = (await link.GetAttributeAsync("href"))!;
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => location.pathname.endsWith('/{Article}') && location.hash.startsWith('#q') && document.readyState !== 'loading'");
        Assert.Equal(href[(href.IndexOf('#') + 1)..], await TargetInView(page));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Screenshots_of_an_article_and_a_speaker_in_both_schemes()
    {
        var folder = Path.Combine(Repo.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (name, path) in new[] { ("article", Article + "#q2"), ("speaker", "speakers/sara-thornton/"), ("organisation", "organisations/thames-valley-police/") })
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                foreach (var width in new[] { 375, 1280 })
                {
                    var page = await Open(path, scheme, width);
                    var file = Path.Combine(folder, $"pages-{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    await page.ScreenshotAsync(new() { Path = file });
                    Assert.True(new FileInfo(file).Length > 10_000);
                    await page.Context.CloseAsync();
                }
        output.WriteLine($"screenshots in {folder}");
    }
}
