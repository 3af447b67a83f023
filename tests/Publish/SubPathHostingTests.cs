using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CaseRecord.Cli;
using CaseRecord.Preview;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

/// <summary>
/// The site as GitHub Pages serves a project site: built with a LinkRoot and Host, served under
/// /case-record/ by a real HTTP server, crawled from its home page.
/// </summary>
public sealed class SubPathHostingTests : IAsyncLifetime
{
    private const string Root = "/case-record";
    private const string Origin = "https://example.github.io";
    private readonly TempProject _project = new(Repo.Root);
    private PreviewServer _server = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    private string Output => _project.PathOf("site");
    private string Local => $"http://127.0.0.1:{_server.Port}";

    public async Task InitializeAsync()
    {
        var stderr = new StringWriter();
        var code = new CommandLine(new StringWriter(), stderr).Run(
            ["build", "--root", _project.Root, "-o", Output, "-s", $"LinkRoot={Root}", "-s", "Host=example.github.io", "-s", "LinkHideIndexPages=true",
             // Three search indexes of two pages each, as a large record has (several thousand each), merged by the search page.
             // Only Pagefind's program writes an index in parts; the generator's own writes one.
             "-s", "SearchPagesPerIndex=2", "-s", "SearchIndexWrittenByGenerator=false"]);
        Assert.True(code == 0, stderr.ToString());
        _server = await PreviewServer.StartAsync(new PreviewServerOptions(0, Root, Reload: false), () => new DirectoryFiles(Output), new LiveReloadHub(), () => "");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _project.Dispose();
    }

    [Fact]
    public async Task Crawling_from_the_home_page_every_link_and_fragment_resolves_under_the_link_root()
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>([Root + "/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Root + "/" };
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var fragments = new List<(string From, string Path, string Id)>();
        var problems = new List<string>();
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var response = await _http.GetAsync(Local + path);
            if (response.StatusCode != HttpStatusCode.OK) { problems.Add($"{path}: {(int)response.StatusCode}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            ids[path] = [.. doc.QuerySelectorAll("[id]").Select(e => e.Id!)];
            foreach (var el in doc.QuerySelectorAll("[href], [src]"))
            {
                var link = el.GetAttribute("href") ?? el.GetAttribute("src")!;
                if (link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("http://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    if (link.StartsWith(Origin, StringComparison.Ordinal) && !link.StartsWith(Origin + Root + "/", StringComparison.Ordinal))
                        problems.Add($"{path}: absolute link outside the root: {link}");
                    continue;
                }
                var absolute = new Uri(new Uri(Local + path), link);
                var target = absolute.AbsolutePath;
                if (!target.StartsWith(Root + "/", StringComparison.Ordinal)) { problems.Add($"{path}: {link} leaves {Root}/"); continue; }
                if (absolute.Fragment.Length > 1) fragments.Add((path, target, Uri.UnescapeDataString(absolute.Fragment[1..])));
                if (seen.Add(target)) queue.Enqueue(target);
            }
        }
        foreach (var (from, path, id) in fragments)
            if (ids.TryGetValue(path, out var known) && !known.Contains(id)) problems.Add($"{from}: #{id} not found in {path}");
        Assert.Empty(problems);
        Assert.True(seen.Count > 20, $"only {seen.Count} URLs crawled");
        Assert.Contains(Root + "/speakers/sara-thornton/", seen);
        Assert.Contains(Root + "/data/case.json", seen);
        Assert.Contains(Root + "/sources/000_fbf6e240cee8247d.txt", seen);
    }

    [Fact]
    public async Task Every_sitemap_url_is_absolute_under_the_root_and_served()
    {
        var xml = XDocument.Parse(await _http.GetStringAsync(Local + Root + "/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", xml.Root!.Name);
        var locs = xml.Root.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        var pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Count() - 1; // less 404.html
        Assert.Equal(pages, locs.Count);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        foreach (var loc in locs)
        {
            Assert.StartsWith(Origin + Root + "/", loc);
            var response = await _http.GetAsync(Local + loc[Origin.Length..]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, loc);
        }
        Assert.Contains(Origin + Root + "/speakers/sara-thornton/", locs);
    }

    [Fact]
    public async Task The_atom_feed_has_the_required_elements_newest_first()
    {
        var xml = XDocument.Parse(await _http.GetStringAsync(Local + Root + "/feed.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var feed = xml.Root!;
        Assert.Equal(a + "feed", feed.Name);
        foreach (var name in new[] { "title", "id", "updated", "author" }) Assert.NotNull(feed.Element(a + name));
        Assert.Equal(Origin + Root + "/feed.xml", feed.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entry = Assert.Single(feed.Elements(a + "entry"));
        Assert.Equal(Origin + Root + "/articles/thornton-refuses-responsibility/", entry.Element(a + "id")!.Value);
        Assert.Equal("2015-01-01T00:00:00Z", entry.Element(a + "updated")!.Value);
        Assert.Contains("refuses to accept responsibility", entry.Element(a + "title")!.Value);
        var home = await _http.GetStringAsync(Local + Root + "/");
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"The case record: articles\" href=\"{Root}/feed.xml\">", home);
    }

    [Fact]
    public async Task Pages_carry_canonical_open_graph_and_valid_json_ld()
    {
        var parser = new HtmlParser();
        async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string path) => parser.ParseDocument(await _http.GetStringAsync(Local + Root + path));
        string Meta(AngleSharp.Html.Dom.IHtmlDocument d, string property) => d.QuerySelector($"meta[property='{property}']")!.GetAttribute("content")!;
        JsonElement Ld(AngleSharp.Html.Dom.IHtmlDocument d) => JsonDocument.Parse(Assert.Single(d.QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;

        var article = await Page("/articles/thornton-refuses-responsibility/");
        Assert.Equal(Origin + Root + "/articles/thornton-refuses-responsibility/", article.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(article, "og:type"));
        Assert.Equal(Origin + Root + "/articles/thornton-refuses-responsibility/", Meta(article, "og:url"));
        Assert.Equal("The case record", Meta(article, "og:site_name"));
        Assert.Equal("2015", Meta(article, "article:published_time"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(article, "og:description")));
        var graph = Ld(article).GetProperty("@graph");
        var news = graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal(Origin + Root + "/sources/000_fbf6e240cee8247d.txt", news.GetProperty("isBasedOn").GetProperty("url").GetString());
        var quotes = graph.EnumerateArray().Where(n => n.GetProperty("@type").GetString() == "Quotation").ToList();
        Assert.Equal(6, quotes.Count);
        Assert.All(quotes, q =>
        {
            Assert.False(string.IsNullOrEmpty(q.GetProperty("text").GetString()));
            Assert.Equal("Sara Thornton", q.GetProperty("spokenByCharacter").GetProperty("name").GetString());
            Assert.Equal("NewsArticle", q.GetProperty("isPartOf").GetProperty("@type").GetString());
            Assert.Matches(@"/articles/thornton-refuses-responsibility/#p\d+$", q.GetProperty("url").GetString());
        });

        var speaker = await Page("/speakers/sara-thornton/");
        Assert.Equal("profile", Meta(speaker, "og:type"));
        var speakerGraph = Ld(speaker).GetProperty("@graph");
        var person = speakerGraph[0];
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        // Each quotation cited by its paragraph and first words, said by the Person above: the page holds the full texts.
        var cited = speakerGraph.EnumerateArray().Where(n => n.GetProperty("@type").GetString() == "Quotation").ToList();
        Assert.Equal(6, cited.Count);
        Assert.All(cited, q =>
        {
            Assert.Equal(person.GetProperty("@id").GetString(), q.GetProperty("spokenByCharacter").GetProperty("@id").GetString());
            Assert.True(q.GetProperty("text").GetString()!.Split(' ').Length <= CaseRecord.Rendering.StructuredData.ExcerptWords + 1);
            Assert.Matches(@"/articles/thornton-refuses-responsibility/#p\d+$", q.GetProperty("url").GetString());
        });
        Assert.Contains(cited, q => q.GetProperty("text").GetString()!.EndsWith(" …", StringComparison.Ordinal));

        var figure = Ld(await Page("/figures/offences-recorded/"));
        Assert.Equal("QuantitativeValue", figure.GetProperty("@type").GetString());
        Assert.Equal(26, figure.GetProperty("value").GetDecimal());
        Assert.Equal(1561, figure.GetProperty("valueReference").GetProperty("value").GetDecimal());

        var timeline = Ld(await Page("/timeline/"));
        Assert.Equal("ItemList", timeline.GetProperty("@type").GetString());
        var items = timeline.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.Equal("Event", i.GetProperty("item").GetProperty("@type").GetString()));
        Assert.Equal("2005", items[0].GetProperty("item").GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task The_404_page_works_from_any_depth()
    {
        var response = await _http.GetAsync(Local + Root + "/no/such/page/here/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var links = doc.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!).Where(h => !h.StartsWith('#') && !h.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, h => Assert.StartsWith(Root + "/", h));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(Local + doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task Open_data_holds_the_record_with_anchors_and_provenance()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(Local + Root + "/data/case.json"));
        var root = json.RootElement;
        Assert.Equal("1.3", root.GetProperty("schemaVersion").GetString());
        var article = Assert.Single(root.GetProperty("articles").EnumerateArray());
        Assert.Equal(19, article.GetProperty("paragraphs").GetArrayLength());
        Assert.True(article.GetProperty("paragraphs")[4].GetProperty("omitted").GetBoolean());
        Assert.Equal("a410e803e0178a2e61daa82a20895c39fca1de7c21fed7e6a3934a858f1a954c", article.GetProperty("source").GetProperty("sha256").GetString());
        var quotations = root.GetProperty("quotations").EnumerateArray().ToList();
        Assert.Equal(["p6", "p8", "p12", "p14", "p16", "p17"], quotations.Select(q => q.GetProperty("anchor").GetString()));
        Assert.All(quotations, q => Assert.Equal("sara-thornton", q.GetProperty("speaker").GetString()));
        // Each carries the evidence for its source; the seed names every source.
        Assert.All(quotations, q =>
        {
            Assert.Equal(JsonValueKind.Null, q.GetProperty("unnamed").ValueKind);
            var evidence = q.GetProperty("evidence");
            Assert.Equal(["rule", "cue", "source", "antecedent", "paragraph", "candidates", "text"], evidence.EnumerateObject().Select(p => p.Name));
            Assert.False(string.IsNullOrEmpty(evidence.GetProperty("rule").GetString()));
            Assert.False(string.IsNullOrEmpty(evidence.GetProperty("text").GetString()));
            Assert.Equal(JsonValueKind.Array, evidence.GetProperty("candidates").ValueKind);
            Assert.Contains(evidence.GetProperty("paragraph").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.Number });
        });
        var offences = root.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "offences-recorded");
        Assert.Equal("recorded-contacts", offences.GetProperty("of").GetString());
        Assert.Equal(1.7m, Math.Round(offences.GetProperty("percent").GetDecimal(), 1));
        Assert.Equal("26 offences recorded", offences.GetProperty("match").GetString());
        Assert.Equal(6, root.GetProperty("timeline").GetArrayLength());
        var dataPage = await _http.GetStringAsync(Local + Root + "/data/");
        Assert.Contains($"href=\"{Root}/data/case.json\"", dataPage);
        Assert.Contains($"href=\"{Root}/data/\"", await _http.GetStringAsync(Local + Root + "/"));
    }

    [Fact]
    public void Assets_have_content_hashed_names()
    {
        var css = Assert.Single(Directory.GetFiles(Path.Combine(Output, "assets"), "*.css"));
        Assert.Matches(@"site\.[0-9a-f]{10}\.css$", css);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(css)))[..10];
        Assert.EndsWith($"site.{hash}.css", css);
        Assert.Contains($"href=\"{Root}/assets/site.{hash}.css\"", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [BrowserFact(Needs.Pagefind)]
    [Trait("Category", "Slow")]
    public async Task Search_works_under_the_link_root()
    {
        Assert.True(Directory.Exists(Path.Combine(Output, "pagefind")), "the build made no search index");
        var (playwright, browser) = await Browser.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Local + Root + "/search/");
        var input = page.Locator("#search input");
        await input.WaitForAsync(new() { Timeout = 30_000 });
        await input.FillAsync("unique opportunity in policing");
        // The speaker page quotes the same words; the paragraph's own result is the one to open.
        var result = page.Locator(".pagefind-ui__result-link[href$='#p12']").First;
        await result.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(Root + "/articles/thornton-refuses-responsibility/#p12", await result.GetAttributeAsync("href"));
        await result.ClickAsync();
        await Browser.ArrivesAt(page, Root + "/articles/thornton-refuses-responsibility/#p12");
        Assert.Contains("unique opportunity in policing", await page.Locator("#p12").InnerTextAsync(new() { Timeout = 60_000 }));

        // The speaker's page is in the last of the three indexes: found, and linked under the root, all the same.
        Assert.True(File.Exists(Path.Combine(Output, "pagefind", "parts", "3", "pagefind.js")), "the index was not made in three parts");
        await page.GotoAsync(Local + Root + "/search/");
        await input.WaitForAsync(new() { Timeout = 30_000 });
        await input.FillAsync("chairwoman");
        var speaker = page.Locator(".pagefind-ui__result-link[href$='/speakers/sara-thornton/']").First;
        await speaker.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(Root + "/speakers/sara-thornton/", await speaker.GetAttributeAsync("href"));
    }
}
