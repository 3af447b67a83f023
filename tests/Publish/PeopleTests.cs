using CaseRecord.Checks;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>Issue 19, people and bodies: a speaker only mentioned has a page of their mentions, their name links there, the list counts both, a speaker nobody names is a warning, and quotations by unnamed sources are listed on their article.</summary>
public sealed class PeopleTests
{
    private static (CaseRecord.Building.BuildResult Result, CaseRecord.Output.MemorySink Output) Build() => new TestSite()
        .Seed("a.txt", "Ms Thornton said: “We failed.”\n\nThe review was sent to Joanna Simons, the council’s chief executive.\n\n"
            + "A council spokesman said: “We are sorry.”")
        .Speaker("sara-thornton", "Sara Thornton")
        .Speaker("joanna-simons", "Joanna Simons")
        .Speaker("peter-neyroud", "Peter Neyroud")
        .Article("a", "title: The review\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n")
        .Build();

    [Fact]
    public void A_speaker_only_mentioned_has_a_page_listing_the_mention()
    {
        var (result, output) = Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = TestSite.Html(output, "speakers/joanna-simons/index.html");
        Assert.Equal("Mentions (1)", page.QuerySelector("#h-mentions")?.TextContent);
        Assert.Null(page.QuerySelector("#h-quotes"));
        var item = Assert.Single(page.QuerySelectorAll("ol.mentions > li"));
        Assert.Contains("The review was sent to Joanna Simons, the council’s chief executive.", item.TextContent);
        var links = item.QuerySelectorAll("a").Select(a => LinkValidator.Resolve("speakers/joanna-simons/index.html", a.GetAttribute("href")!)).ToList();
        Assert.Contains(links, l => l is not null && l.StartsWith("articles/a/", StringComparison.Ordinal) && l.EndsWith("#p2", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_in_the_article_text_link_to_the_speakers_pages()
    {
        var (_, output) = Build();
        var article = TestSite.Html(output, "articles/a/index.html");
        var person = Assert.Single(article.QuerySelectorAll("#p2 a.person"));
        Assert.Equal("Joanna Simons", person.TextContent);
        Assert.Equal("speakers/joanna-simons/index.html", LinkValidator.Resolve("articles/a/index.html", person.GetAttribute("href")!));
        var quoted = Assert.Single(article.QuerySelectorAll("#p1 a.person"));
        Assert.Equal("Ms Thornton", quoted.TextContent);
    }

    [Fact]
    public void The_speakers_list_counts_quotations_and_mentions()
    {
        var (_, output) = Build();
        var rows = TestSite.Html(output, "speakers/index.html").QuerySelectorAll(".speaker-list li").ToDictionary(li => li.QuerySelector("a")!.TextContent, li => li.QuerySelector(".count")!.TextContent);
        Assert.Equal("0 quotations, 1 mention", rows["Joanna Simons"]);
        Assert.Equal("1 quotation, 1 mention", rows["Sara Thornton"]);
    }

    [Fact]
    public void A_speaker_no_article_names_is_a_warning_with_its_path()
    {
        var (result, _) = Build();
        var warning = Assert.Single(result.Diagnostics, d => d.ToString().Contains("peter-neyroud", StringComparison.Ordinal));
        Assert.False(warning.IsError);
        Assert.StartsWith("input/speakers/peter-neyroud.md:1:1: warning:", warning.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.ToString().Contains("joanna-simons.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Quotations_by_unnamed_sources_are_listed_on_the_article_page()
    {
        var (_, output) = Build();
        var article = TestSite.Html(output, "articles/a/index.html");
        var item = Assert.Single(article.QuerySelectorAll("ul.unnamed-sources > li"));
        Assert.Contains("A council spokesman", item.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("We are sorry.", item.TextContent);
        Assert.Equal("#p3", item.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_data_file_lists_where_each_speaker_is_named()
    {
        var (_, output) = Build();
        using var json = System.Text.Json.JsonDocument.Parse(output.Text("data/case.json"));
        var mentions = json.RootElement.GetProperty("personMentions").EnumerateArray()
            .Select(m => (m.GetProperty("speaker").GetString(), m.GetProperty("paragraph").GetInt32(), m.GetProperty("text").GetString())).ToList();
        Assert.Equal([("sara-thornton", 1, "Ms Thornton"), ("joanna-simons", 2, "Joanna Simons")], mentions);
    }
}
