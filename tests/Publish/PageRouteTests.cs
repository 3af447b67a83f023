using CaseRecord.Rendering.Pages;
using CaseRecord.Analysis;
using CaseRecord.Content;
using CaseRecord.Diagnostics;
using CaseRecord.Model;
using CaseRecord.Rendering;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// A rebuild that renders a few pages finds each from its path alone; it must find exactly the
/// page the full plan has there, and nothing where the full plan has nothing.
/// </summary>
public sealed class PageRouteTests
{
    /// <summary>Every kind of page, lists long enough to have second pages: 103 articles, a speaker quoted 101 times, an organisation named 201 times, 202 dated events.</summary>
    private static CaseIndex PagedRecord(out TestSite site)
    {
        var quotes = string.Join("\n\n", Enumerable.Range(1, SpeakerPages.PerPage + 1).Select(i => $"Ms Thornton said: “Point {i}.”"));
        var mentions = string.Join("\n\n", Enumerable.Range(1, OrganisationPages.PerPage + 1).Select(i => $"Paragraph {i} names Thames Valley Police."));
        site = new TestSite()
            .Speaker("sara-thornton", "Sara Thornton", "organisation: thames-valley-police\n")
            .Organisation("thames-valley-police", "Thames Valley Police")
            .Seed("quotes.txt", quotes).Seed("mentions.txt", mentions)
            .Article("quotes", "title: Quotes\nsource: seeds/quotes.txt\nspeakers: [sara-thornton]\n")
            .Article("mentions", "title: Mentions\nsource: seeds/mentions.txt\n");
        for (var i = 1; i <= ArticleListPages.PerPage + 1; i++)
        {
            var text = $"There were {i} cases in {1800 + i}, and {i + 1} in {1801 + i}.";
            site.Seed($"a{i:000}.txt", text).Article($"a{i:000}", $"""
                title: Article {i:000}
                source: seeds/a{i:000}.txt
                published: 2015-01-01
                figures:
                  - id: cases-{i}
                    label: Cases
                    match: {i} cases
                  - id: year-{i}
                    label: Year
                    kind: year
                    match: in {1800 + i}
                    event: Counted.
                  - id: year-after-{i}
                    label: Year after
                    kind: year
                    match: in {1801 + i}
                    event: Counted again.
                """);
        }
        var loaded = new ContentLoader(site.Source, new Dictionary<string, string> { ["Host"] = "example.org" }).Load();
        var analyser = new ArticleAnalyser(new AnalysisContext(loaded.Speakers, loaded.Organisations));
        var (index, diagnostics) = CaseIndexer.Index(loaded, [.. loaded.Articles.Select(analyser.Analyse)]);
        Assert.Empty(diagnostics);
        Assert.True(index.Timeline.Length > TimelinePages.PerPage, $"{index.Timeline.Length} events, {index.FiguresInOrder.Length} figures");
        return index;
    }

    [Fact]
    public void Pages_asked_for_first_come_before_all_others_and_the_site_is_the_same()
    {
        var index = PagedRecord(out var site);
        var renderer = new SiteRenderer(Theme.Load(site.Source, new DiagnosticList()), new MarkdownRenderer());
        var plain = SiteRenderer.Render(renderer.Prepare(index));
        static bool Early(string path) => path.StartsWith("articles/a", StringComparison.Ordinal) && path.Count(c => c == '/') == 2;
        foreach (var first in new Func<string, bool>[] { Early, _ => false })
        {
            var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
            // A page's bytes are lent for the call: what is kept is a copy.
            var files = new System.Collections.Concurrent.ConcurrentBag<Output.OutputFile>();
            Assert.Empty(renderer.Prepare(index).Run((file, _) => { order.Enqueue(file.Path); files.Add(new Output.OutputFile(file.Path, file.Content)); }, first));
            var byPath = files.ToDictionary(f => f.Path);
            Assert.Equal(plain.Files.Select(f => f.Path).Order(StringComparer.Ordinal), byPath.Keys.Order(StringComparer.Ordinal));
            Assert.All(plain.Files, f => Assert.True(byPath[f.Path].SameBytes(f), f.Path));
            var pages = order.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
            if (first("articles/a001/index.html"))
            {
                var early = pages.TakeWhile(Early).ToList();
                Assert.Equal(ArticleListPages.PerPage + 1, early.Count);
                Assert.Equal(pages.Where(Early).Count(), early.Count);
                // Their order among themselves is the threads' (they are handed out in path order,
                // eight at a time, which let Pagefind's program start on the first part of the index
                // early): asserted by timing, it failed on a loaded machine, and since the generator
                // writes the index itself nothing depends on it.
            }
        }
    }

    [Fact]
    public void Every_page_rendered_from_its_path_alone_is_the_page_of_the_full_plan()
    {
        var index = PagedRecord(out var site);
        var renderer = new SiteRenderer(Theme.Load(site.Source, new DiagnosticList()), new MarkdownRenderer());
        var full = SiteRenderer.Render(renderer.Prepare(index));
        Assert.Empty(full.Diagnostics);
        foreach (var paged in new[] { "articles/page/2/index.html", "speakers/sara-thornton/page/2/index.html", "organisations/thames-valley-police/page/2/index.html",
            "figures/page/2/index.html", "timeline/page/2/index.html", "figures/year-7/index.html", "404.html" })
            Assert.Contains(paged, full.AllPages);

        var routed = SiteRenderer.Render(renderer.Prepare(index, full.AllPages.ToHashSet(StringComparer.Ordinal), new HashSet<string>(), null, full.AllPages));
        Assert.Empty(routed.Diagnostics);
        var pages = full.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages.Select(f => f.Path), routed.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Path));
        var byPath = routed.Files.ToDictionary(f => f.Path);
        Assert.All(pages, f => Assert.True(byPath[f.Path].SameBytes(f), f.Path));
        // The pages were known unchanged, so the sitemap (made from them) is not made again.
        Assert.Contains(full.Files, f => f.Path == SitePaths.Sitemap);
        Assert.DoesNotContain(routed.Files, f => f.Path == SitePaths.Sitemap);
    }

    [Fact]
    public void A_path_the_site_does_not_have_has_no_page()
    {
        string[] paths =
        [
            "articles/page/1/index.html", // the first page is the list's own path
            "articles/page/3/index.html", // past the last page
            "articles/page/02/index.html", "articles/page/+2/index.html", "articles/nobody/index.html", "articles/a001/page/2/index.html",
            "figures/no-such-figure/index.html", "speakers/nobody/index.html",
            "speakers/sara-thornton/page/1/index.html", "speakers/sara-thornton/page/3/index.html",
            "speakers/page/2/index.html", // the list of speakers has one page
            "organisations/thames-valley-police/page/3/index.html", "timeline/page/3/index.html",
            "data/case.json", "../index.html", "",
        ];
        var index = PagedRecord(out _);
        var planner = new PagePlanner(index, new MarkdownRenderer(), p => p);
        var planned = planner.Plan().Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        Assert.All(paths, path =>
        {
            Assert.DoesNotContain(path, planned);
            Assert.Null(planner.Page(path));
        });
        Assert.All(planned, path => Assert.Equal(path, planner.Page(path)?.Path));
    }
}
