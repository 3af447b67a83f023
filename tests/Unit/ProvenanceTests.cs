using System.Text.Json;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>
/// Issue 19: where an article was first published (<c>url</c>, <c>archived</c>) is shown and
/// published wherever the article is; whatever the editors supply rather than the source states
/// (an inferred date, a value they settled on, an event's wording) is labelled wherever it is shown.
/// </summary>
public sealed class ProvenanceTests
{
    private const string Text = "The council said 340 homes were flooded.\n\nThe scheme began two years after 2019.\n";
    private const string Original = "https://news.example.org/2024/flood?ref=a&b=<c>";
    private const string Archived = "https://web.archive.org/web/2024/https://news.example.org/2024/flood";

    private static readonly Dictionary<string, string> Settings = new() { ["Host"] = "record.example.org" };

    private static TestSite Site(string extraYaml) => new TestSite()
        .File("statiq.json", "{ \"SiteTitle\": \"T\", \"SiteDescription\": \"D\" }")
        .Seed("flood.txt", Text)
        .Article("flood", $"""
            title: Flood
            source: seeds/flood.txt
            publisher: Gazette
            {extraYaml.Trim('\n')}
            figures:
              - id: flooded
                label: Homes flooded
                match: 340 homes were flooded
              - id: began
                label: Year the scheme began
                kind: year
                value: 2021
                match: two years after 2019
                event: The scheme began.
            """);

    private static (CaseRecord.Output.MemorySink Output, JsonElement Data) Built(string extraYaml)
    {
        var (result, output) = Site(extraYaml).Build(Settings);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return (output, JsonDocument.Parse(output.Text("data/case.json")).RootElement);
    }

    private static JsonElement JsonLd(CaseRecord.Output.MemorySink output, string page) =>
        JsonDocument.Parse(TestSite.Html(output, page).QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

    [Fact]
    public void The_article_page_says_where_it_was_originally_published_and_links_the_archived_copy()
    {
        var (output, _) = Built($"published: 2024-03-05\nurl: \"{Original}\"\narchived: {Archived}");
        var page = TestSite.Html(output, "articles/flood/index.html");
        var original = page.QuerySelector("p.original")!;
        Assert.StartsWith("Originally published at news.example.org/2024/flood", original.TextContent);
        var links = original.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([Original, Archived], links);
        Assert.Contains("(archived copy)", original.TextContent);
        Assert.Contains("&amp;b=&lt;c&gt;", output.Text("articles/flood/index.html"));
    }

    [Fact]
    public void JSON_LD_keeps_the_page_url_and_is_based_on_the_original()
    {
        var (output, _) = Built($"published: 2024-03-05\nurl: \"{Original}\"\narchived: {Archived}");
        var article = JsonLd(output, "articles/flood/index.html").GetProperty("@graph")[0];
        Assert.Equal("https://record.example.org/articles/flood/", article.GetProperty("url").GetString());
        var basedOn = article.GetProperty("isBasedOn");
        Assert.Equal(Original, basedOn[0].GetProperty("url").GetString());
        Assert.Equal(Archived, basedOn[0].GetProperty("archivedAt").GetString());
        Assert.EndsWith("flood.txt", basedOn[1].GetProperty("url").GetString());
    }

    [Fact]
    public void The_feed_entry_links_the_original_and_the_archived_copy()
    {
        var (output, _) = Built($"published: 2024-03-05\nurl: \"{Original}\"\narchived: {Archived}");
        var feed = System.Xml.Linq.XDocument.Parse(output.Text("feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var related = feed.Descendants(atom + "entry").Single().Elements(atom + "link")
            .Where(l => (string?)l.Attribute("rel") == "related").Select(l => (string?)l.Attribute("href")).ToList();
        Assert.Equal([Original, Archived], related);
    }

    [Fact]
    public void The_data_file_gives_the_original_and_archived_addresses_or_null()
    {
        var (_, data) = Built($"published: 2024-03-05\nurl: \"{Original}\"\narchived: {Archived}");
        var article = data.GetProperty("articles")[0];
        Assert.Equal(Original, article.GetProperty("originalUrl").GetString());
        Assert.Equal(Archived, article.GetProperty("archived").GetString());
        Assert.Equal("https://record.example.org/articles/flood/", article.GetProperty("url").GetString());

        var (_, without) = Built("published: 2024-03-05");
        var bare = without.GetProperty("articles")[0];
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("originalUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("archived").ValueKind);
    }

    [Theory]
    [InlineData("url: javascript:alert(1)", "'url' must be")]
    [InlineData("url: /news/flood", "'url' must be")]
    [InlineData("archived: mailto:a@example.org", "'archived' must be")]
    [InlineData("archived: \"https://\"", "'archived' must be")]
    public void Anything_but_an_absolute_http_address_is_an_error_at_the_value(string yaml, string message)
    {
        var (result, _) = Site(yaml).Build(Settings);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.ToString().StartsWith("input/articles/flood.md:5:", StringComparison.Ordinal) && d.Message.Contains(message));
    }
}
