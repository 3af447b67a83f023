using CaseRecord.Checks;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>Issue 20, a permalink per quotation: each quotation on its article's page has its own anchor and a link to it; the speaker page links there beside the paragraph.</summary>
public sealed class QuotationPermalinkTests
{
    private const string ArticlePath = "articles/a/index.html";
    private const string SpeakerPath = "speakers/sara-thornton/index.html";

    private static CaseRecord.Output.MemorySink Build()
    {
        var (result, output) = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “We failed.” She added: “We are sorry.”\n\n"
                + "“The first part.\n\n“The second part,” Ms Thornton said.\n\n"
                + "A council spokesman said: “We were not told.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: The review\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n")
            .Build();
        // The build checks every link and fragment: the permalinks must all resolve.
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return output;
    }

    [Fact]
    public void Every_quotation_has_a_unique_anchor_and_a_link_to_it()
    {
        var doc = TestSite.Html(Build(), ArticlePath);
        var anchors = doc.QuerySelectorAll("q.quote[id]").Select(q => q.Id!).ToList();
        Assert.Equal(["q1", "q2", "q3", "q4"], anchors);
        // A quotation over two paragraphs is marked twice but anchored once.
        Assert.Equal(2, doc.QuerySelectorAll("q.quote[data-quote='q3']").Length);
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in anchors)
        {
            var link = Assert.Single(doc.QuerySelectorAll($"a.quote-link[href='#{id}']"));
            Assert.StartsWith("Link to this quotation", link.GetAttribute("aria-label"));
        }
        Assert.Equal("Link to this quotation of Sara Thornton in paragraph 2", doc.QuerySelector("a.quote-link[href='#q3']")!.GetAttribute("aria-label"));
        Assert.Equal("Link to this quotation of a council spokesman in paragraph 4", doc.QuerySelector("a.quote-link[href='#q4']")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void The_link_adds_no_words_to_the_source_text()
    {
        var p1 = TestSite.Html(Build(), ArticlePath).GetElementById("p1")!;
        Assert.All(p1.QuerySelectorAll("a.quote-link"), a => Assert.Equal("", a.TextContent));
        Assert.Contains("“We failed.” She added: “We are sorry.”", p1.TextContent);
    }

    [Fact]
    public void The_speaker_page_links_each_quotation_beside_its_paragraph()
    {
        var output = Build();
        var speaker = TestSite.Html(output, SpeakerPath);
        var article = TestSite.Html(output, ArticlePath);
        var captions = speaker.QuerySelectorAll(".quotation figcaption").ToList();
        Assert.Equal(3, captions.Count);
        foreach (var caption in captions)
        {
            var links = caption.QuerySelectorAll("a").ToList();
            // The paragraph stays the main link, first.
            Assert.Matches("#p[0-9]+$", links[0].GetAttribute("href")!);
            var permalink = caption.QuerySelector("a.quote-permalink")!;
            Assert.Equal("link to this quotation", permalink.TextContent);
            Assert.StartsWith("Link to this quotation, paragraph", permalink.GetAttribute("aria-label"));
            var target = LinkValidator.Resolve(SpeakerPath, permalink.GetAttribute("href")!)!;
            Assert.StartsWith("articles/a/", target);
            Assert.StartsWith("#q", target[target.IndexOf('#')..]);
            var quote = article.GetElementById(target.Split('#')[1]);
            Assert.NotNull(quote);
            Assert.Equal("q", quote!.LocalName);
        }
        Assert.Equal(["#q1", "#q2", "#q3"], captions.Select(c => "#" + c.QuerySelector("a.quote-permalink")!.GetAttribute("href")!.Split('#')[1]));
    }
}
