using CaseRecord.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CaseRecord.Tests.Reader;

/// <summary>The search page as a reader uses it: with a query typed and its results shown, in both colour schemes, at the root and under a LinkRoot, and opened from disk.</summary>
[Trait("Category", "Slow")]
public sealed class SearchPageTests(BuiltSiteFixture root, SubPathSiteFixture sub, ITestOutputHelper output)
    : IClassFixture<BuiltSiteFixture>, IClassFixture<SubPathSiteFixture>
{
    private const string Query = "apology";

    private BuiltSite Site(bool underLinkRoot) => underLinkRoot ? sub : root;

    /// <summary>The search page with <see cref="Query"/> typed, once its results (excerpts included) are shown and every filter is open.</summary>
    /// <param name="bypassCsp">Only for injecting axe-core, which the page's own policy rightly refuses.</param>
    private static async Task<IPage> Searched(BuiltSite site, ColorScheme scheme, int width = 1280, bool bypassCsp = false)
    {
        Assert.Contains("search: indexed", site.BuildLog);
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("search/"));
        var input = page.Locator("#search input");
        await input.WaitForAsync(new() { Timeout = 30_000 });
        await input.FillAsync(Query);
        await page.Locator(".pagefind-ui__result-link").First.WaitForAsync(new() { Timeout = 60_000 });
        // Results are shown as placeholders first and filled in as their fragments arrive.
        await page.WaitForFunctionAsync("() => !document.querySelector('#search .pagefind-ui__loading') && document.querySelector('#search .pagefind-ui__result-excerpt')", null, new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => document.querySelectorAll('#search details').forEach(d => d.open = true)");
        return page;
    }

    [BrowserTheory(Needs.Axe | Needs.Pagefind)]
    [InlineData(ColorScheme.Light, false)]
    [InlineData(ColorScheme.Dark, false)]
    [InlineData(ColorScheme.Light, true)]
    [InlineData(ColorScheme.Dark, true)]
    public async Task Search_results_pass_axe_core_for_wcag_2_2_aa(ColorScheme scheme, bool underLinkRoot)
    {
        var site = Site(underLinkRoot);
        var page = await Searched(site, scheme, bypassCsp: true);
        Assert.True(await page.Locator("#search .pagefind-ui__filter-label").CountAsync() > 0, "no filter is shown to check");
        var violations = await PageCheckers.AxeViolations(page);
        // Each result opens a page of this site, under its LinkRoot.
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#search .pagefind-ui__result-link')].map(a => a.getAttribute('href'))");
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, $"[{scheme}{(underLinkRoot ? ", under " + site.LinkRoot : "")}]\n" + string.Join("\n", violations));
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith(site.LinkRoot + "/", h));
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task Results_are_in_the_themes_colours_not_pagefinds()
    {
        var page = await Searched(root, ColorScheme.Dark);
        var colours = await page.EvaluateAsync<string[]>("""
            () => [document.body, document.querySelector('#search .pagefind-ui__result-excerpt'), document.querySelector('#search .pagefind-ui__message')]
                .map(e => getComputedStyle(e).color)
            """);
        await page.Context.CloseAsync();
        Assert.Equal(colours[0], colours[1]);
        Assert.Equal(colours[0], colours[2]);
        Assert.NotEqual("rgb(57, 57, 57)", colours[1]);
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task Screenshots_of_the_search_page_with_a_query_at_phone_and_desktop_widths_in_both_schemes()
    {
        var folder = Path.Combine(Repo.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            foreach (var width in new[] { 375, 1280 })
            {
                var page = await Searched(root, scheme, width);
                var file = Path.Combine(folder, $"search-{scheme.ToString().ToLowerInvariant()}-{width}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000);
                Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"the search page scrolls sideways at {width} px");
                await page.Context.CloseAsync();
            }
        output.WriteLine($"screenshots in {folder}");
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Opened_from_disk_the_page_says_in_one_line_that_search_needs_the_site_served(bool javascript)
    {
        var context = await root.Browser.NewContextAsync(new() { JavaScriptEnabled = javascript });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(root.Output, "search", "index.html")).AbsoluteUri);
        var said = page.Locator(".search-status").Filter(new() { HasTextString = "dotnet run -- serve" });
        await said.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(1, await said.CountAsync());
        var box = await said.BoundingBoxAsync();
        Assert.True(box!.Height < 4 * 27, $"the message is {box.Height} px tall, more than a line or two");
        Assert.True(await page.Locator(".search-browse a").First.IsVisibleAsync(), "the links to the lists are not shown");
        Assert.DoesNotContain("Searching for", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#search input").CountAsync());
        var folder = Path.Combine(Repo.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"search-from-disk-{(javascript ? "js" : "no-js")}.png") });
        await context.CloseAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task Served_the_page_shows_the_search_box_alone()
    {
        var context = await root.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(root.Url("search/"));
        await page.Locator("#search input").WaitForAsync(new() { Timeout = 30_000 });
        Assert.False(await page.Locator(".search-browse").IsVisibleAsync());
        Assert.False(await page.Locator(".search-status").First.IsVisibleAsync());
        Assert.DoesNotContain("dotnet run", await page.Locator("main").InnerTextAsync());
        Assert.Equal("Search the record", await page.Locator("#search input").GetAttributeAsync("aria-label"));
        await context.CloseAsync();
    }
}
