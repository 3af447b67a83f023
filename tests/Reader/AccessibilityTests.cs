using CaseRecord.Content;
using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Reader;

[Trait("Category", "Slow")]
public sealed class AccessibilityTests(BuiltSiteFixture site, ITestOutputHelper output) : IClassFixture<BuiltSiteFixture>
{
    private Task<IPage> Open(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280, bool javascript = true, bool bypassCsp = false) =>
        site.Open(path, scheme, width, javascript, bypassCsp);

    [BrowserTheory(Needs.Axe)]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_type_passes_axe_core_for_wcag_2_2_aa(ColorScheme scheme)
    {
        var failures = await site.AxeFailures(BuiltSiteFixture.PageTypes, scheme);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task No_page_scrolls_sideways_at_320_css_pixels()
    {
        var wide = await site.TooWide(BuiltSiteFixture.PageTypes, 320);
        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [BrowserFact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        var page = await Open("articles/thornton-refuses-responsibility/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.top >= 0; }"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_article_reads_completely_with_javascript_off()
    {
        var page = await Open("articles/thornton-refuses-responsibility/", javascript: false);
        var seed = TextNormaliser.Normalise(File.ReadAllText(Repo.PathOf("seeds/000_fbf6e240cee8247d.txt"))).Split("\n\n");
        for (var n = 1; n <= seed.Length; n++)
        {
            if (n == 5) continue;
            var text = await page.EvaluateAsync<string>($"() => document.querySelector('#p{n} .src, #p{n}').innerText");
            foreach (var word in seed[n - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
                Assert.Contains(word, text);
            Assert.True(await page.Locator($"#p{n}").IsVisibleAsync(), $"p{n} is not visible");
        }
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Paragraph_links_are_keyboard_reachable_with_an_accessible_name()
    {
        var page = await Open("articles/thornton-refuses-responsibility/");
        var link = page.Locator("#p8 .para-link");
        Assert.Equal("Link to paragraph 8", await link.GetAttributeAsync("aria-label"));
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#p8", page.Url);
        var box = await link.BoundingBoxAsync();
        Assert.True(box!.Width >= 24 && box.Height >= 24, $"target {box.Width}x{box.Height}");
        await page.Context.CloseAsync();
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task Search_finds_a_quotation_and_its_result_opens_the_paragraph()
    {
        Assert.Contains("search: indexed", site.BuildLog);
        var page = await Open("search/");
        var input = page.Locator("#search input");
        await input.WaitForAsync(new() { Timeout = 30_000 });
        await input.FillAsync("repeat that apology today");
        // The speaker page quotes the same words; the paragraph's own result is the one to open.
        var result = page.Locator(".pagefind-ui__result-link[href$='#p9']").First;
        await result.WaitForAsync(new() { Timeout = 60_000 });
        var href = await result.GetAttributeAsync("href");
        Assert.EndsWith("/articles/thornton-refuses-responsibility/#p9", href);
        await result.ClickAsync();
        // Waits for the address, not for the article's load event, which a busy machine (the whole
        // suite running beside it) held back past the timeout; the paragraph is waited for below.
        await Browser.ArrivesAt(page, "/articles/thornton-refuses-responsibility/#p9");
        Assert.Contains("I would repeat that apology today.", await page.Locator("#p9").InnerTextAsync(new() { Timeout = 60_000 }));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_article_prints_with_its_source_citation_and_without_navigation()
    {
        var page = await Open("articles/thornton-refuses-responsibility/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header nav").IsVisibleAsync());
        Assert.False(await page.Locator(".para-link").First.IsVisibleAsync());
        Assert.True(await page.Locator(".citation").IsVisibleAsync());
        Assert.Contains("seeds/000_fbf6e240cee8247d.txt", await page.Locator(".citation").InnerTextAsync());
        Assert.True(await page.Locator("#p19").IsVisibleAsync());
        var pdf = await page.PdfAsync();
        Assert.True(pdf.Length > 10_000);
        await page.Context.CloseAsync();
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task Pages_load_nothing_the_content_security_policy_refuses()
    {
        // The search page is checked with its results shown, which needs the index: without it the
        // results never come and the wait below would only time out.
        Assert.Contains("search: indexed", site.BuildLog);
        var refused = new List<string>();
        foreach (var path in new[] { "", "articles/thornton-refuses-responsibility/", "search/" })
        {
            var page = await Open(path);
            page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) refused.Add($"/{path}: {m.Text}"); };
            await page.ReloadAsync();
            if (path == "search/")
            {
                await page.Locator("#search input").FillAsync("apology");
                await page.Locator(".pagefind-ui__result-link").First.WaitForAsync(new() { Timeout = 30_000 });
            }
            Assert.NotNull(await page.QuerySelectorAsync("meta[http-equiv='Content-Security-Policy']"));
            await page.Context.CloseAsync();
        }
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [BrowserFact]
    public async Task Screenshots_of_the_main_pages_at_phone_and_desktop_widths() =>
        output.WriteLine("screenshots in " + await site.Screenshots([("home", ""), ("article", "articles/thornton-refuses-responsibility/"), ("speaker", "speakers/sara-thornton/"), ("figure", "figures/offences-recorded/")]));

    [ToolFact(Needs.NuChecker)]
    public void The_nu_html_checker_finds_no_errors_in_the_whole_output()
    {
        var (exitCode, said) = PageCheckers.NuHtmlErrors(site.Output);
        Assert.True(exitCode == 0, said);
    }

    [Fact]
    public void An_article_page_with_everything_it_loads_stays_under_100_kb()
    {
        var html = File.ReadAllBytes(Path.Combine(site.Output, "articles/thornton-refuses-responsibility/index.html"));
        var css = Directory.GetFiles(Path.Combine(site.Output, "assets"), "site.*.css").Sum(f => new FileInfo(f).Length);
        Assert.InRange(html.Length + css, 1, 100 * 1024);
        output.WriteLine($"article {html.Length} B + css {css} B");
    }
}
