using AngleSharp.Dom;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Golden;

/// <summary>Builds the repository's own case record in memory and reads its pages as a reader would.</summary>
public sealed class SeedSiteTests
{
    private const string Article = "articles/thornton-refuses-responsibility/index.html";
    private static readonly Lazy<(BuildResult Result, MemorySink Output)> Built = new(() =>
    {
        var sink = new MemorySink();
        var result = new SiteBuilder(new DiskContentSource(Repo.Root), new Dictionary<string, string>()).Build(sink);
        return (result, sink);
    });

    private static MemorySink Output => Built.Value.Output;
    private static IDocument Page(string path) => TestSite.Html(Output, path);

    [Fact]
    public void The_duration_figure_is_shown_with_its_unit_and_the_years_as_years()
    {
        Assert.StartsWith("10 years: ", Page("figures/years-ago/index.html").Title);
        var values = Page("figures/index.html").QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Contains("10 years", values);
        // The editors' arithmetic, so labelled as theirs.
        Assert.Contains("2005 (editors' figure)", values);
        Assert.DoesNotContain(values, v => v.Contains("2,005", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_site_builds_cleanly_with_every_page_at_its_url()
    {
        var (result, output) = Built.Value;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        string[] expected =
        [
            "index.html", "articles/index.html", Article, "speakers/index.html", "speakers/sara-thornton/index.html",
            "figures/index.html", "figures/recorded-contacts/index.html", "figures/offences-recorded/index.html",
            "figures/abuse-began/index.html", "organisations/index.html", "organisations/thames-valley-police/index.html",
            "organisations/crown-prosecution-service/index.html", "organisations/national-police-chiefs-council/index.html",
            "organisations/oxford-mail/index.html", "timeline/index.html", "sources/000_fbf6e240cee8247d.txt",
            "404.html", "data/index.html", "data/case.json",
        ];
        Assert.All(expected, path => Assert.True(output.Files.ContainsKey(path), $"missing {path}"));
        Assert.Single(output.Files.Keys, k => System.Text.RegularExpressions.Regex.IsMatch(k, @"^assets/site\.[0-9a-f]{10}\.css$"));
    }

    [Fact]
    public void Every_internal_link_and_fragment_resolves()
    {
        Assert.Empty(LinkAudit.BrokenLinks(Output));
    }

    [Fact]
    public void Every_page_names_the_themes_svg_favicon_so_no_browser_asks_for_a_missing_favicon_ico()
    {
        foreach (var page in Output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
        {
            var icon = Page(page).QuerySelector("link[rel=icon]");
            Assert.True(icon is not null, $"{page} has no favicon link");
            Assert.Equal("image/svg+xml", icon.GetAttribute("type"));
            var target = page == "404.html" ? icon.GetAttribute("href")!.TrimStart('/') : LinkAudit.Resolve(page, icon.GetAttribute("href")!);
            Assert.Equal("assets/favicon.svg", target);
        }
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", Output.Text("assets/favicon.svg"));
    }

    [Fact]
    public void Article_shows_the_source_text_verbatim_with_permanent_anchors()
    {
        var doc = Page(Article);
        var seed = TextNormaliser.Normalise(File.ReadAllText(Repo.PathOf("seeds/000_fbf6e240cee8247d.txt")));
        var paragraphs = seed.Split("\n\n");
        for (var n = 1; n <= paragraphs.Length; n++)
        {
            var p = doc.GetElementById($"p{n}");
            // "Our top stories" is omitted but keeps its number: in its place, the editors say so and why.
            if (n == 5)
            {
                Assert.Equal("omitted-para", p!.ClassName);
                Assert.Equal("5 Paragraph 5 of the source is left out by the editors: a heading from the web page the text was copied from.", p.TextContent);
                Assert.DoesNotContain("Our top stories", doc.QuerySelector(".source-text")!.TextContent);
                continue;
            }
            Assert.NotNull(p);
            var clone = (IElement)p!.Clone();
            foreach (var extra in clone.QuerySelectorAll(".para-link, .said-by").ToList()) extra.Remove();
            Assert.Equal(paragraphs[n - 1], clone.TextContent.Trim());
        }
    }

    [Fact]
    public void Article_marks_each_quotation_and_links_it_to_its_speaker()
    {
        var doc = Page(Article);
        var quotedParagraphs = doc.QuerySelectorAll("q.quote").Select(q => q.Closest("p")!.Id!).Distinct().ToList();
        Assert.Equal(["p6", "p8", "p9", "p10", "p12", "p14", "p15", "p16", "p17", "p18", "p19"], quotedParagraphs);
        Assert.Equal(6, doc.QuerySelectorAll("q.quote").Select(q => q.GetAttribute("data-quote")).Distinct().Count());
        foreach (var id in quotedParagraphs)
            Assert.Equal("../../speakers/sara-thornton/index.html", doc.GetElementById(id)!.QuerySelector(".said-by a")!.GetAttribute("href"));
        Assert.Contains("partial", doc.GetElementById("p16")!.QuerySelector("q")!.ClassList);
    }

    [Fact]
    public void Article_links_every_key_figure_and_organisation_mention()
    {
        var doc = Page(Article);
        var figureLinks = doc.QuerySelectorAll(".source-text a.figure").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var id in new[] { "recorded-contacts", "offences-recorded", "recorded-crimes", "abuse-began", "case-collapsed", "took-up-post", "response-inadequate-until", "improvements-since", "apology", "years-ago" })
            Assert.Contains($"../../figures/{id}/index.html", figureLinks);
        Assert.Equal("1,561 recorded contacts", doc.QuerySelector("a.figure[href*='recorded-contacts']")!.TextContent);
        var orgs = doc.QuerySelectorAll(".source-text a.org").Select(a => a.TextContent).ToList();
        Assert.Contains("Thames Valley Police", orgs);
        Assert.Contains("TVP", orgs);
        Assert.Contains("Oxford Mail", orgs);
        Assert.Contains("Crown Prosecution Service", orgs);
        Assert.Contains("National Police Chiefs’ Council", orgs);
    }

    [Fact]
    public void Article_sets_the_editors_note_apart_and_cites_publisher_and_source()
    {
        var doc = Page(Article);
        var note = doc.QuerySelector("aside.editors")!;
        Assert.Null(note.Closest(".source-text"));
        Assert.Contains("title, summary and date above are the", note.TextContent);
        Assert.Contains("Editor's inference", note.TextContent);
        var citation = doc.QuerySelector(".citation")!;
        Assert.Contains("Oxford Mail", citation.TextContent);
        Assert.Contains("a410e803e0178a2e61daa82a20895c39fca1de7c21fed7e6a3934a858f1a954c", citation.TextContent);
        Assert.Equal("../../sources/000_fbf6e240cee8247d.txt", citation.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("date inferred by the editors", doc.QuerySelector(".byline")!.TextContent);
    }

    [Fact]
    public void Speaker_page_lists_every_quotation_linked_to_where_it_begins()
    {
        var doc = Page("speakers/sara-thornton/index.html");
        Assert.Equal("Sara Thornton", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Chief Constable, Thames Valley Police", doc.QuerySelector(".role")!.TextContent);
        Assert.Contains("took up in 2007", doc.QuerySelector(".bio")!.TextContent);
        var captions = doc.QuerySelectorAll(".quotation figcaption").ToList();
        int[] starts = [6, 8, 12, 14, 16, 17];
        Assert.Equal(starts.Select(n => $"../../{Article}#p{n}"),
            captions.Select(c => c.QuerySelector("a")!.GetAttribute("href")));
        // One article: its title and date once, over all six.
        var group = Assert.Single(doc.QuerySelectorAll(".quote-group"));
        Assert.Contains("Chief constable Sara Thornton refuses to accept responsibility", group.QuerySelector("h3")!.TextContent);
        Assert.Equal("2015", group.QuerySelector(".meta time")!.TextContent);
        Assert.Equal(6, group.QuerySelectorAll(".quotation").Length);
        Assert.Contains("I would repeat that apology today.", doc.QuerySelectorAll(".quotation blockquote")[1].TextContent);
    }

    [Fact]
    public void Figure_page_shows_value_context_ratio_and_equal_values()
    {
        var doc = Page("figures/offences-recorded/index.html");
        Assert.Equal("26", doc.QuerySelector(".figure-value")!.TextContent);
        Assert.Equal("Offences recorded", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("1.7%", doc.QuerySelector(".ratio")!.TextContent);
        Assert.Contains("26 of 1,561", doc.QuerySelector(".ratio")!.TextContent);
        Assert.Contains("with 1,561 recorded contacts with the girls but just 26 offences recorded.", doc.QuerySelector(".context")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"a[href='../../{Article}#p3']"));
        Assert.NotNull(doc.QuerySelector("a[href='../../figures/recorded-crimes/index.html']"));
    }

    [Fact]
    public void Figure_inside_a_quotation_names_who_said_it()
    {
        var doc = Page("figures/apology/index.html");
        var facts = doc.QuerySelector(".facts")!;
        Assert.Contains("Said by", facts.TextContent);
        Assert.NotNull(facts.QuerySelector("a[href='../../speakers/sara-thornton/index.html']"));
        var notSaid = Page("figures/recorded-contacts/index.html").QuerySelector(".facts")!;
        Assert.DoesNotContain("Said by", notSaid.TextContent);
    }

    [Fact]
    public void Derived_year_states_its_value_and_the_editors_note()
    {
        var doc = Page("figures/abuse-began/index.html");
        Assert.Equal("2005", doc.QuerySelector(".figure-value")!.TextContent);
        Assert.Contains("two years after the abuse of the victims in the Bullfinch scandal began", doc.QuerySelector(".facts")!.TextContent);
        Assert.Contains("editors' arithmetic", doc.QuerySelector(".editors")!.TextContent);
    }

    [Fact]
    public void The_editors_arithmetic_is_labelled_wherever_its_year_is_shown()
    {
        const string label = "editors' figure";
        Assert.Contains("The editors' figure", Page("figures/abuse-began/index.html").QuerySelector(".inferred")!.TextContent);
        var timeline = Page("timeline/index.html").QuerySelectorAll(".timeline li").ToList();
        Assert.Contains(label, timeline[0].TextContent);
        Assert.All(timeline.Skip(1), i => Assert.DoesNotContain(label, i.TextContent));
        Assert.All(timeline, i => Assert.StartsWith("Editors' summary:", i.QuerySelector(".what")!.TextContent));
        var row = Page("figures/index.html").QuerySelectorAll("table.figures tbody tr").Single(r => r.TextContent.Contains("Bullfinch victims began"));
        Assert.Contains(label, row.QuerySelector("td.num")!.TextContent);
        Assert.Contains(label, Page(Article).QuerySelector("a.figure[href$='abuse-began/index.html']")!.GetAttribute("data-card"));
        Assert.Contains(label, Page("index.html").QuerySelectorAll(".timeline li")[0].TextContent);
    }

    [Fact]
    public void The_inferred_date_is_labelled_wherever_it_is_shown()
    {
        Assert.Contains("(editors' date)", Page("articles/index.html").QuerySelector(".article-list .meta")!.TextContent);
        Assert.Contains("(editors' date)", Page("index.html").QuerySelector(".article-list .meta")!.TextContent);
        Assert.Contains("(date inferred by the editors)", Page(Article).QuerySelector(".byline")!.TextContent);
        Assert.Contains("(date inferred by the editors)", Page(Article).QuerySelector(".citation")!.TextContent);
        Assert.All(Page("speakers/sara-thornton/index.html").QuerySelectorAll(".quote-group .meta"), m => Assert.Contains("(editors' date)", m.TextContent));
        Assert.Contains("(editors' date)", Page("figures/recorded-contacts/index.html").QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public void Timeline_lists_dated_events_in_order_each_linked_to_figure_and_paragraph()
    {
        var doc = Page("timeline/index.html");
        var items = doc.QuerySelectorAll(".timeline li").ToList();
        Assert.Equal(["2005", "2006", "2007", "2010", "2011", "2013"], items.Select(i => i.QuerySelector(".when")!.TextContent));
        Assert.Equal(["p7", "p16", "p7", "p18", "p6", "p8"], items.Select(i => i.QuerySelector(".where a")!.GetAttribute("href")!.Split('#')[1]));
        Assert.All(items, i => Assert.StartsWith("../figures/", i.QuerySelector(".when")!.GetAttribute("href")));
    }

    [Fact]
    public void Home_page_shows_the_case_figures_articles_speakers_and_timeline()
    {
        var doc = Page("index.html");
        Assert.Equal("Thames Valley Police and the Bullfinch case", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("1,561", doc.QuerySelector(".figure-cards")!.TextContent);
        Assert.Contains("1.7% of Recorded contacts", doc.QuerySelector(".figure-cards")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"a[href='{Article}']"));
        Assert.NotNull(doc.QuerySelector("a[href='speakers/sara-thornton/index.html']"));
        Assert.Equal(6, doc.QuerySelectorAll(".timeline li").Length);
    }

    [Fact]
    public void Organisation_page_lists_mentions_linked_to_paragraphs()
    {
        var doc = Page("organisations/thames-valley-police/index.html");
        var hrefs = doc.QuerySelectorAll(".mentions .where a:first-child").Select(a => a.GetAttribute("href")!.Split('#')[1]).ToList();
        Assert.Equal(["p1", "p11", "p12", "p14"], hrefs);
        Assert.NotNull(doc.QuerySelector("a[href='../../speakers/sara-thornton/index.html']"));
    }

    [Fact]
    public void Every_page_is_one_html_document_with_language_title_and_skip_link()
    {
        foreach (var path in Output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(path);
            Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(doc.Title), path);
            Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.Equal("#main", doc.QuerySelector("a.skip-link")!.GetAttribute("href"));
            Assert.NotNull(doc.GetElementById("main"));
        }
    }

    [Fact]
    public void The_published_source_is_the_seed_byte_for_byte()
    {
        Assert.Equal(File.ReadAllBytes(Repo.PathOf("seeds/000_fbf6e240cee8247d.txt")), Output.Files["sources/000_fbf6e240cee8247d.txt"]);
    }

    [Fact]
    public void Two_builds_give_identical_bytes()
    {
        var again = new MemorySink();
        new SiteBuilder(new DiskContentSource(Repo.Root), new Dictionary<string, string>()).Build(again);
        Assert.Equal(Output.Files.Keys, again.Files.Keys);
        Assert.All(Output.Files, f => Assert.Equal(f.Value, again.Files[f.Key]));
    }
}
