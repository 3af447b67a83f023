using CaseRecord.Rendering.Pages;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>Issue 20, speaker pages grouped by article: each article's title and date once, its quotations under it in the record's order; a paged list stays paged and heads a split group again.</summary>
public sealed class SpeakerGroupTests
{
    [Fact]
    public void A_speaker_quoted_in_two_articles_has_two_groups_each_titled_once()
    {
        var (result, output) = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “One.”\n\nMs Thornton said: “Two.”")
            .Seed("b.txt", "Ms Thornton said: “Three.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: First article\nsource: seeds/a.txt\npublished: 2024-01-02\nspeakers: [sara-thornton]\n")
            .Article("b", "title: Second article\nsource: seeds/b.txt\npublished: 2024-02-03\nspeakers: [sara-thornton]\n")
            .Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = TestSite.Html(output, "speakers/sara-thornton/index.html");
        var groups = page.QuerySelectorAll(".quote-group").ToList();
        // The record's order: its articles newest first, each article's quotations as they appear.
        Assert.Equal(["Second article", "First article"], groups.Select(g => g.QuerySelector("h3")!.TextContent));
        Assert.Equal(["2024-02-03", "2024-01-02"], groups.Select(g => g.QuerySelector(".meta time")!.GetAttribute("datetime")!));
        Assert.Equal(["Three."], groups[0].QuerySelectorAll(".quotation blockquote").Select(b => b.TextContent.Trim()));
        Assert.Equal(["One.", "Two."], groups[1].QuerySelectorAll(".quotation blockquote").Select(b => b.TextContent.Trim()));
        // Each title once on the page: not repeated in the quotations' captions.
        Assert.Equal(1, page.QuerySelectorAll("main a").Count(a => a.TextContent == "First article"));
        Assert.All(page.QuerySelectorAll(".quotation figcaption"), c => Assert.DoesNotContain("article", c.TextContent));
    }

    [Fact]
    public void A_paged_list_keeps_its_groups_and_heads_a_split_group_again()
    {
        // The first article's quotations fill the first page and one more; the second article's follow.
        var a = string.Join("\n\n", Enumerable.Range(1, SpeakerPages.PerPage + 1).Select(i => $"Ms Thornton said: “Point {i}.”"));
        var (result, output) = new TestSite()
            .Seed("a.txt", a).Seed("b.txt", "Ms Thornton said: “Last.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: First article\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n")
            .Article("b", "title: Second article\nsource: seeds/b.txt\nspeakers: [sara-thornton]\n")
            .Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var first = TestSite.Html(output, "speakers/sara-thornton/index.html");
        var second = TestSite.Html(output, "speakers/sara-thornton/page/2/index.html");
        var one = Assert.Single(first.QuerySelectorAll(".quote-group"));
        Assert.Equal("First article", one.QuerySelector("h3")!.TextContent);
        Assert.Equal(SpeakerPages.PerPage, one.QuerySelectorAll(".quotation").Length);
        var groups = second.QuerySelectorAll(".quote-group").ToList();
        Assert.Equal(["First article", "Second article"], groups.Select(g => g.QuerySelector("h3")!.TextContent));
        Assert.Contains($"Point {SpeakerPages.PerPage + 1}.", Assert.Single(groups[0].QuerySelectorAll(".quotation")).TextContent);
        Assert.Contains("Last.", Assert.Single(groups[1].QuerySelectorAll(".quotation")).TextContent);
        Assert.NotNull(first.QuerySelector("nav.pager a[rel=next]"));
    }
}
