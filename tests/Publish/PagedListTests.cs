using CaseRecord.Rendering.Pages;
using CaseRecord.Rendering;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>Long lists are cut into pages that link to each other, and every item stays reachable.</summary>
public sealed class PagedListTests
{
    [Fact]
    public void The_articles_list_pages_at_its_limit_and_every_article_is_listed_once()
    {
        var count = ArticleListPages.PerPage + 1;
        var site = new TestSite().Seed("a.txt", "Ms Thornton said: “We failed.”").Speaker("sara-thornton", "Sara Thornton");
        for (var i = 1; i <= count; i++) site.Article($"a{i:000}", $"title: Article {i:000}\nsource: seeds/a.txt\npublished: 2015-01-01\n");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var first = TestSite.Html(output, "articles/index.html");
        var second = TestSite.Html(output, "articles/page/2/index.html");
        Assert.False(output.Files.ContainsKey("articles/page/3/index.html"));
        var listed = new[] { first, second }
            .SelectMany(d => d.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!))
            .Select(h => h.Split('/').Reverse().Skip(1).FirstOrDefault() ?? "")
            .Where(slug => System.Text.RegularExpressions.Regex.IsMatch(slug, "^a[0-9]{3}$"))
            .ToList();
        Assert.Equal(count, listed.Distinct().Count());

        Assert.Equal("articles/page/2/index.html", CaseRecord.Checks.LinkValidator.Resolve("articles/index.html", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!));
        Assert.Null(first.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Equal("articles/index.html", CaseRecord.Checks.LinkValidator.Resolve("articles/page/2/index.html", second.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href")!));
        Assert.Equal("2", second.QuerySelector("nav.pager a[aria-current=page]")?.TextContent);
        Assert.Contains("page 2 of 2", second.Title);
    }

    [Fact]
    public void A_short_list_has_no_pager()
    {
        var (_, output) = new TestSite().Seed("a.txt", "Ms Thornton said: “We failed.”").Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\n").Build();
        Assert.Null(TestSite.Html(output, "articles/index.html").QuerySelector("nav.pager"));
        Assert.DoesNotContain(output.Files.Keys, k => k.Contains("/page/", StringComparison.Ordinal));
    }

    [Fact]
    public void An_organisation_named_in_many_paragraphs_pages_its_mentions()
    {
        var count = OrganisationPages.PerPage + 1;
        var text = string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"Paragraph {i} names Thames Valley Police."));
        var (result, output) = new TestSite().Seed("a.txt", text).Organisation("thames-valley-police", "Thames Valley Police")
            .Article("a", "title: A\nsource: seeds/a.txt\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var first = TestSite.Html(output, "organisations/thames-valley-police/index.html");
        var second = TestSite.Html(output, "organisations/thames-valley-police/page/2/index.html");
        Assert.Equal(OrganisationPages.PerPage, first.QuerySelectorAll("ol.mentions > li").Length);
        Assert.Single(second.QuerySelectorAll("ol.mentions > li"));
        Assert.Contains($"Mentions ({count})", first.QuerySelector("h2:last-of-type")?.TextContent ?? first.Body!.TextContent);
        Assert.Equal("organisations/thames-valley-police/page/2/index.html",
            CaseRecord.Checks.LinkValidator.Resolve("organisations/thames-valley-police/index.html", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!));
        Assert.Contains("page 2 of 2", second.Title);
    }

    [Fact]
    public void A_speaker_quoted_many_times_pages_the_quotations()
    {
        var count = SpeakerPages.PerPage + 1;
        var text = string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"Ms Thornton said: “Point {i}.”"));
        var (result, output) = new TestSite().Seed("a.txt", text).Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var first = TestSite.Html(output, "speakers/sara-thornton/index.html");
        var second = TestSite.Html(output, "speakers/sara-thornton/page/2/index.html");
        Assert.Equal(SpeakerPages.PerPage, first.QuerySelectorAll("ol.quotations > li").Length);
        Assert.Contains("Point 101.", Assert.Single(second.QuerySelectorAll("ol.quotations > li")).TextContent);
        Assert.Equal($"Quotations ({count})", first.QuerySelector("#h-quotes")?.TextContent);
        Assert.Equal("speakers/sara-thornton/page/2/index.html",
            CaseRecord.Checks.LinkValidator.Resolve("speakers/sara-thornton/index.html", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!));
        Assert.Contains("page 2 of 2", second.Title);
    }
}

public sealed class PagerWindowTests
{
    [Theory]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(3, 9, "1 2 3 4 5 6 7 8 9")]
    [InlineData(1, 100, "1 2 3 … 100")]
    [InlineData(50, 100, "1 … 48 49 50 51 52 … 100")]
    [InlineData(4, 100, "1 2 3 4 5 6 … 100")]
    [InlineData(100, 100, "1 … 98 99 100")]
    public void A_long_list_links_the_first_and_last_pages_and_a_few_around_the_current_one(int number, int count, string expected) =>
        Assert.Equal(expected, string.Join(" ", CaseRecord.Rendering.Pages.Paged.Shown(number, count).Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));

    [Fact]
    public void A_pager_stays_the_same_size_however_long_the_list()
    {
        Assert.All(Enumerable.Range(1, 3000), n => Assert.InRange(CaseRecord.Rendering.Pages.Paged.Shown(n, 3000).Count(), 3, 2 * CaseRecord.Rendering.Pages.Paged.Window + 5));
    }

    [Fact]
    public void The_middle_page_of_eleven_links_its_neighbours_the_ends_and_marks_the_gaps()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, SpeakerPages.PerPage * 10 + 1).Select(i => $"Ms Thornton said: “Point {i}.”"));
        var (result, output) = new TestSite().Seed("a.txt", text).Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n").Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        var page = TestSite.Html(output, "speakers/sara-thornton/page/6/index.html");
        Assert.Equal(["Previous", "1", "…", "4", "5", "6", "7", "8", "…", "11", "Next"],
            page.QuerySelectorAll("nav.pager li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, page.QuerySelectorAll("nav.pager li.gap").Length);
        Assert.Equal("speakers/sara-thornton/page/11/index.html",
            CaseRecord.Checks.LinkValidator.Resolve("speakers/sara-thornton/page/6/index.html", page.QuerySelectorAll("nav.pager li a").Single(a => a.TextContent == "11").GetAttribute("href")!));
    }
}
