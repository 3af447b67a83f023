using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>Issue 20, narration is not quotation: a mention's sentence is an excerpt, cited plainly, never the quotation panel; cut from inside quoted speech, it says whose words they are.</summary>
public sealed class MentionExcerptTests
{
    private static CaseRecord.Output.MemorySink Build()
    {
        var (result, output) = new TestSite()
            .Seed("a.txt", "The review criticised Thames Valley Police.\n\n"
                + "Ms Thornton said: “Thames Valley Police failed the victims.”\n\n"
                + "A council spokesman said: “Thames Valley Police never called us.”\n\n"
                + "Joanna Simons read the review.")
            .Speaker("sara-thornton", "Sara Thornton")
            .Speaker("joanna-simons", "Joanna Simons")
            .Organisation("thames-valley-police", "Thames Valley Police")
            .Article("a", "title: The review\nsource: seeds/a.txt\nspeakers: [sara-thornton]\n")
            .Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return output;
    }

    [Fact]
    public void Organisation_mentions_are_excerpts_not_quotations()
    {
        var page = TestSite.Html(Build(), "organisations/thames-valley-police/index.html");
        var items = page.QuerySelectorAll("ol.mentions > li").ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, li =>
        {
            Assert.NotNull(li.QuerySelector("figure.excerpt > blockquote"));
            Assert.NotNull(li.QuerySelector("figure.excerpt > figcaption.where"));
            Assert.Null(li.QuerySelector(".quotation"));
        });
        Assert.Null(page.QuerySelector(".quotation, q.quote"));
    }

    [Fact]
    public void An_excerpt_from_inside_a_quotation_says_whose_words_they_are()
    {
        var items = TestSite.Html(Build(), "organisations/thames-valley-police/index.html").QuerySelectorAll("ol.mentions > li").ToList();
        // The reporter's own sentence names nobody.
        Assert.DoesNotContain("in the words of", items[0].QuerySelector("figcaption")!.TextContent);
        var said = items[1].QuerySelector("figcaption")!;
        Assert.EndsWith(", in the words of Sara Thornton", said.TextContent);
        Assert.Equal("speakers/sara-thornton/index.html",
            CaseRecord.Checks.LinkValidator.Resolve("organisations/thames-valley-police/index.html", said.QuerySelectorAll("a")[^1].GetAttribute("href")!));
        Assert.EndsWith(", in the words of a council spokesman, not named", items[2].QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void A_speaker_only_mentioned_has_excerpts_too()
    {
        var page = TestSite.Html(Build(), "speakers/joanna-simons/index.html");
        var item = Assert.Single(page.QuerySelectorAll("ol.mentions > li"));
        Assert.Equal("Joanna Simons read the review.", item.QuerySelector("figure.excerpt blockquote")!.TextContent);
        Assert.Null(page.QuerySelector(".quotation"));
    }

    [Fact]
    public void The_excerpt_style_is_not_the_quotation_panel()
    {
        var css = System.IO.File.ReadAllText(Repo.PathOf("theme/assets/site.css"));
        var excerpt = css.Split('\n').First(l => l.StartsWith(".excerpt blockquote", StringComparison.Ordinal));
        Assert.DoesNotContain("--quote-bg", excerpt);
        Assert.DoesNotContain("--quote-rule", excerpt);
        Assert.Contains("blockquote.context", excerpt);
    }
}
