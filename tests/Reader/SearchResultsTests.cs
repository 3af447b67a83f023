using CaseRecord.Tests.Support;
using Microsoft.Playwright;

namespace CaseRecord.Tests.Reader;

/// <summary>
/// The index holds a record per page; the search page makes each paragraph, quotation and key
/// figure its own result again and says in words what each result is (issue 20).
/// </summary>
[Trait("Category", "Slow")]
public sealed class SearchResultsTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    private const string Article = "Chief constable Sara Thornton refuses to accept responsibility for force failings";

    /// <summary>Every result and sub-result shown for the query: its title, its link and its excerpt.</summary>
    private async Task<List<(string Title, string Href, string Excerpt)>> Results(string query, string waitFor)
    {
        var context = await site.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Url("search/"));
            var input = page.Locator("#search input");
            await input.WaitForAsync(new() { Timeout = 30_000 });
            await input.FillAsync(query);
            try
            {
                await page.Locator($".pagefind-ui__result-link:text-is(\"{waitFor}\")").First.WaitForAsync(new() { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                // What was shown instead is reported by the assertion that looks for it.
            }
            var shown = new List<(string, string, string)>();
            foreach (var title in await page.Locator(".pagefind-ui__result-title").AllAsync())
            {
                var link = title.Locator("a");
                var excerpt = title.Locator("xpath=following-sibling::p[contains(@class,'pagefind-ui__result-excerpt')][1]");
                shown.Add((await link.InnerTextAsync(), await link.GetAttributeAsync("href") ?? "", await excerpt.CountAsync() > 0 ? await excerpt.InnerTextAsync() : ""));
            }
            return shown;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static (string Title, string Href, string Excerpt) One(List<(string Title, string Href, string Excerpt)> results, string title) =>
        results.FirstOrDefault(r => r.Title == title) is { Title: not null } found
            ? found
            : throw new Xunit.Sdk.XunitException($"no result titled '{title}' among:\n{string.Join("\n", results.Select(r => $"{r.Title} -> {r.Href}: {r.Excerpt}"))}");

    [BrowserFact(Needs.Pagefind)]
    public async Task A_quotation_is_a_result_of_its_own_named_for_its_speaker_and_opens_its_paragraph()
    {
        Assert.Contains("search: indexed", site.BuildLog);
        var title = $"Quotation by Sara Thornton, paragraph 9 of {Article}";
        var results = await Results("repeat that apology today", title);
        var quotation = One(results, title);
        Assert.EndsWith("/articles/thornton-refuses-responsibility/#p9", quotation.Href);
        Assert.Contains("repeat that apology today", quotation.Excerpt);
        Assert.DoesNotContain("Quotation from", quotation.Excerpt);
        // Found once, where it was said: the speaker's page lists it but is not indexed for it.
        Assert.DoesNotContain(results, r => r.Href.Contains("/speakers/", StringComparison.Ordinal));
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task A_speaker_is_named_as_such_and_the_excerpt_does_not_repeat_the_name()
    {
        var results = await Results("Sara Thornton", "Speaker: Sara Thornton");
        var speaker = One(results, "Speaker: Sara Thornton");
        Assert.EndsWith("/speakers/sara-thornton/", speaker.Href);
        Assert.False(speaker.Excerpt.StartsWith("Sara Thornton. Sara Thornton", StringComparison.Ordinal), speaker.Excerpt);
    }

    [BrowserFact(Needs.Pagefind)]
    public async Task A_paragraph_and_a_key_figure_say_what_they_are_with_their_excerpts()
    {
        var results = await Results("recorded contacts", "Key figure: Recorded contacts with the girls");
        var figure = One(results, "Key figure: Recorded contacts with the girls");
        Assert.EndsWith("/figures/recorded-contacts/", figure.Href);
        Assert.Contains("1,561", figure.Excerpt);
        var paragraph = results.Single(r => r.Href.EndsWith("/articles/thornton-refuses-responsibility/#p3", StringComparison.Ordinal));
        Assert.Equal($"Paragraph 3 of {Article}", paragraph.Title);
        Assert.Contains("recorded contacts", paragraph.Excerpt, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(results, r => r.Title == Article);
    }
}
