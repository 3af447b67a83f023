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
    private const string Text = "The council said 340 homes were flooded.\n\nThe scheme began two years after 2019.\n\nAbout three hundred homes were evacuated.\n";
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
              - id: evacuated
                label: Homes evacuated
                value: 300
                match: three hundred homes were evacuated
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

    private const string Basis = "published_basis: The text carries no date; the editors place it in 2024.";

    [Fact]
    public void A_value_the_match_does_not_write_is_labelled_the_editors_on_every_page_that_shows_it()
    {
        var (output, data) = Built($"published: 2024\n{Basis}");
        const string label = "(editors' figure)";
        Assert.Contains(label, TestSite.Html(output, "timeline/index.html").QuerySelector(".timeline li")!.TextContent);
        Assert.Contains(label, TestSite.Html(output, "index.html").QuerySelector(".timeline li")!.TextContent);
        var cards = TestSite.Html(output, "index.html").QuerySelectorAll(".figure-cards li").ToList();
        Assert.Contains(cards, c => c.TextContent.Contains("Homes evacuated") && c.TextContent.Contains(label));
        Assert.Contains(cards, c => c.TextContent.Contains("Homes flooded") && !c.TextContent.Contains(label));
        var rows = TestSite.Html(output, "figures/index.html").QuerySelectorAll("tbody tr").ToList();
        Assert.Contains(label, rows.Single(r => r.TextContent.Contains("scheme began")).QuerySelector("td.num")!.TextContent);
        Assert.DoesNotContain(label, rows.Single(r => r.TextContent.Contains("Homes flooded")).TextContent);
        Assert.Contains("The editors' figure", TestSite.Html(output, "figures/began/index.html").QuerySelector(".inferred")!.TextContent);
        Assert.Null(TestSite.Html(output, "figures/flooded/index.html").QuerySelector("header .inferred"));

        var figures = data.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.True(figures["began"].GetProperty("editorialValue").GetBoolean());
        Assert.False(figures["flooded"].GetProperty("editorialValue").GetBoolean());
        Assert.True(data.GetProperty("timeline")[0].GetProperty("editorialWhen").GetBoolean());
    }

    [Fact]
    public void A_value_that_repeats_the_written_number_is_the_sources()
    {
        var (_, output) = TestSite.BuiltWithOne("In 2019 the scheme began.\n",
            "figures:\n  - id: y\n    label: Y\n    kind: year\n    value: 2019\n    match: In 2019 the scheme began\n    event: It began.\n");
        Assert.DoesNotContain("editors' figure", TestSite.Html(output, "timeline/index.html").QuerySelector(".timeline")!.TextContent);
        Assert.False(JsonDocument.Parse(output.Text("data/case.json")).RootElement.GetProperty("figures")[0].GetProperty("editorialValue").GetBoolean());
    }

    [Fact]
    public void An_inferred_date_is_labelled_in_lists_on_the_article_page_on_figure_pages_and_in_the_data_file()
    {
        var (output, data) = Built($"published: 2024\n{Basis}");
        Assert.Contains("(editors' date)", TestSite.Html(output, "articles/index.html").QuerySelector(".meta")!.TextContent);
        Assert.Contains("(editors' date)", TestSite.Html(output, "index.html").QuerySelector(".article-list .meta")!.TextContent);
        Assert.Contains("(date inferred by the editors)", TestSite.Html(output, "articles/flood/index.html").QuerySelector(".byline")!.TextContent);
        Assert.Contains("(editors' date)", TestSite.Html(output, "figures/flooded/index.html").QuerySelector(".facts")!.TextContent);
        Assert.True(data.GetProperty("articles")[0].GetProperty("publishedByEditors").GetBoolean());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var category = System.Xml.Linq.XDocument.Parse(output.Text("feed.xml")).Descendants(atom + "entry").Single().Element(atom + "category")!;
        Assert.Equal("editors-date", (string?)category.Attribute("term"));
        Assert.StartsWith("Date inferred by the editors: The text carries no date", (string?)category.Attribute("label"));

        var (plain, plainData) = Built("published: 2024-03-05");
        Assert.DoesNotContain("editors' date", plain.Text("articles/index.html"));
        Assert.DoesNotContain("inferred by the editors", plain.Text("articles/flood/index.html"));
        Assert.False(plainData.GetProperty("articles")[0].GetProperty("publishedByEditors").GetBoolean());
        Assert.DoesNotContain("editors-date", plain.Text("feed.xml"));
    }

    [Fact]
    public void Event_descriptions_are_shown_as_the_editors_summary()
    {
        var (output, _) = Built("published: 2024-03-05");
        Assert.Equal("Editors' summary: The scheme began.", TestSite.Html(output, "timeline/index.html").QuerySelector(".what")!.TextContent);
        Assert.StartsWith("Editors' summary:", TestSite.Html(output, "figures/began/index.html").QuerySelector("p.event")!.TextContent);
        Assert.StartsWith("Editors' summary:", TestSite.Html(output, "figures/index.html").QuerySelector("span.event")!.TextContent);
    }
}
