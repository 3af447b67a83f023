using CaseRecord.Building;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Publish;

public sealed class BuildChecksTests
{
    private static TestSite SiteWithTemplate(string find, string replace)
    {
        var site = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “We failed.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\n");
        var layout = System.Text.Encoding.UTF8.GetString(site.Source.ReadAllBytes("theme/layouts/article.sbn"));
        Assert.Contains(find, layout);
        site.File("theme/layouts/article.sbn", layout.Replace(find, replace));
        return site;
    }

    [Fact]
    public void A_broken_link_in_a_page_fails_the_build_naming_page_line_and_link()
    {
        var (result, output) = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\"><a href=\"../../speakers/nobody/\">x</a>").Build();
        Assert.False(result.Succeeded);
        Assert.Empty(output.Files);
        var e = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("output/articles/a/index.html", e.At.Path);
        Assert.True(e.At.Line > 1);
        Assert.Contains("broken link '../../speakers/nobody/'", e.Message);
        Assert.Contains("there is no speakers/nobody/index.html", e.Message);
    }

    [Fact]
    public void A_build_streamed_to_disk_checks_links_the_same_way_and_leaves_the_output_untouched()
    {
        using var folder = new TempProject();
        var output = folder.PathOf("output");
        var good = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “We failed.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\n");
        Assert.True(new SiteBuilder(good.Source, new Dictionary<string, string>()).Build(new DirectorySink(output)).Succeeded);
        var before = TempProject.Snapshot(output);

        var broken = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\"><a href=\"../../speakers/nobody/\">x</a><a href=\"../../#p99\">y</a><a href=\"#p99\">z</a>");
        var result = new SiteBuilder(broken.Source, new Dictionary<string, string>()).Build(new DirectorySink(output));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.At.Path == "output/articles/a/index.html" && d.Message.Contains("broken link '../../speakers/nobody/'"));
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("index.html has no element with id 'p99'"));
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("articles/a/index.html has no element with id 'p99'"));
        Assert.Equal(before, TempProject.Snapshot(output), new SnapshotComparer());
        Assert.Empty(Directory.EnumerateDirectories(folder.Root, ".output.new-*"));
    }

    private sealed class SnapshotComparer : IEqualityComparer<SortedDictionary<string, (byte[] Bytes, DateTime Written)>>
    {
        public bool Equals(SortedDictionary<string, (byte[] Bytes, DateTime Written)>? a, SortedDictionary<string, (byte[] Bytes, DateTime Written)>? b) =>
            a!.Count == b!.Count && a.All(kv => b.TryGetValue(kv.Key, out var o) && o.Written == kv.Value.Written && o.Bytes.AsSpan().SequenceEqual(kv.Value.Bytes));

        public int GetHashCode(SortedDictionary<string, (byte[] Bytes, DateTime Written)> obj) => obj.Count;
    }

    [Fact]
    public void A_page_of_millions_of_characters_is_rendered_whole()
    {
        // Scriban's default cuts output past 1,048,576 characters without a word.
        var site = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\">");
        site.File("theme/partials/long.sbn", "{{ for i in 1..150000 }}0123456789{{ end }}");
        site.File("theme/layouts/figures.sbn", "<h1>Long</h1>{{ include \"long\" }}<p id=\"end\">end</p>");
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = output.Text("figures/index.html");
        Assert.Equal(150000, System.Text.RegularExpressions.Regex.Count(html, "0123456789"));
        Assert.Contains("<p id=\"end\">end</p>", html);
    }

    [Fact]
    public void A_broken_fragment_is_caught_too()
    {
        var (result, _) = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\"><a href=\"#p99\">x</a>").Build();
        var e = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains("has no element with id 'p99'", e.Message);
    }

    [Fact]
    public void A_setting_lowers_broken_links_to_warnings()
    {
        var (result, output) = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\"><a href=\"nowhere.html\">x</a>")
            .Build(new Dictionary<string, string> { ["ValidateLinksAsError"] = "false" });
        Assert.True(result.Succeeded);
        Assert.NotEmpty(output.Files);
        Assert.Contains(result.Diagnostics, d => !d.IsError && d.Message.Contains("broken link 'nowhere.html'"));
    }

    [Fact]
    public void A_link_that_leaves_the_link_root_is_broken()
    {
        var (result, _) = SiteWithTemplate("<footer class=\"citation\">", "<footer class=\"citation\"><a href=\"/elsewhere/\">x</a>")
            .Build(new Dictionary<string, string> { ["LinkRoot"] = "/case-record" });
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("outside the link root /case-record"));
    }

    [Fact]
    public void Hostile_titles_cannot_end_the_json_ld_block()
    {
        const string title = "</script><script>alert(1)</script> & \"quotes\"";
        var site = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “We failed.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", $"title: '{title}'\nsource: seeds/a.txt\n");
        var (result, output) = site.Build(new Dictionary<string, string> { ["Host"] = "example.org" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var doc = TestSite.Html(output, "articles/a/index.html");
        var script = Assert.Single(doc.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        using var json = System.Text.Json.JsonDocument.Parse(script.TextContent);
        Assert.Equal(title, json.RootElement.GetProperty("@graph")[0].GetProperty("headline").GetString());
        Assert.Equal(title, doc.QuerySelector("h1")!.TextContent);
        var feed = System.Xml.Linq.XDocument.Parse(output.Text("feed.xml"));
        Assert.NotNull(feed.Root);
    }

    [Fact]
    public void Without_a_host_there_are_no_absolute_urls_but_links_still_work()
    {
        var (result, output) = new TestSite()
            .Seed("a.txt", "Ms Thornton said: “We failed.”")
            .Speaker("sara-thornton", "Sara Thornton")
            .Article("a", "title: A\nsource: seeds/a.txt\npublished: 2020\n").Build();
        Assert.True(result.Succeeded);
        Assert.False(output.Files.ContainsKey("sitemap.xml"));
        Assert.False(output.Files.ContainsKey("feed.xml"));
        Assert.Null(TestSite.Html(output, "index.html").QuerySelector("link[rel=canonical]"));
        Assert.Empty(LinkAudit.BrokenLinks(output));
    }
}
