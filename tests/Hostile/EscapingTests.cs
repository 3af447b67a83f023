using System.Text.Json;
using System.Xml.Linq;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Hostile;

/// <summary>Every text from the source, the front matter and the settings stays text in every output format.</summary>
public sealed class EscapingTests
{
    private const string Evil = "<script>alert(1)</script> \"'><img src=x onerror=alert(2)> ]]> </script><svg onload=alert(3)>";

    private static string Yaml(string s) => "'" + s.Replace("'", "''") + "'";

    [Fact]
    public void Hostile_text_in_every_field_creates_no_script_and_no_event_attribute()
    {
        var seed = $"A witness said: “Nobody came.”\n\nMs Evil said: “{Evil} 26 times.”\n\nThe {Evil} body counted 1,561 cases.";
        var site = new TestSite()
            .File("statiq.json", JsonSerializer.Serialize(new { SiteTitle = Evil, SiteDescription = Evil, Host = "example.org" }))
            .File("input/index.md", $"---\ntitle: {Yaml(Evil)}\n---\n{Evil}\n")
            .Seed("evil.txt", seed)
            .File("input/speakers/evil.md", $"---\nname: Sara Evil\nrole: {Yaml(Evil)}\norganisation: body\naliases: [{Yaml(Evil)}]\n---\n{Evil} [x](javascript:alert(4)) ![i](javascript:alert(5))\n")
            .File("input/organisations/body.md", $"---\nname: {Yaml(Evil)}\naliases: [{Yaml("body")}]\n---\n{Evil}\n")
            .Article("evil", $"""
                title: {Yaml(Evil)}
                source: seeds/evil.txt
                publisher: {Yaml(Evil)}
                published: 2020-02-02
                summary: {Yaml(Evil)}
                tags: [{Yaml(Evil)}]
                speakers: [evil]
                quotes:
                  - match: Nobody came
                    unnamed: {Yaml(Evil)}
                figures:
                  - id: times
                    label: {Yaml(Evil)}
                    match: 26 times
                    note: {Yaml(Evil)}
                  - id: cases
                    label: {Yaml(Evil)}
                    match: 1,561 cases
                    of: times
                """, Evil);
        var (result, output) = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));

        foreach (var (path, _) in output.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = TestSite.Html(output, path);
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                if (script.GetAttribute("type") == "application/ld+json")
                {
                    using var _ = JsonDocument.Parse(script.TextContent); // still one valid JSON value
                    continue;
                }
                // The only other script is the theme's own search loader, by URL, with no inline code.
                Assert.Matches(@"assets/search\.[0-9a-f]{10}\.js$", script.GetAttribute("src") ?? "");
                Assert.Equal("", script.TextContent);
            }
            Assert.Empty(doc.QuerySelectorAll("img, iframe, object, embed, svg:not(.share-bar)"));
            foreach (var element in doc.All)
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: {element.TagName} has {attribute.Name}");
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
        }
        var article = TestSite.Html(output, "articles/evil/index.html");
        Assert.Contains(Evil, article.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{Evil}, not named", article.QuerySelector(".said-by .unnamed")!.TextContent);
        Assert.Equal(Evil, XDocument.Parse(output.Text("feed.xml")).Root!.Element(XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value);
        XDocument.Parse(output.Text("sitemap.xml"));
        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        Assert.Equal(Evil, data.RootElement.GetProperty("articles")[0].GetProperty("title").GetString());
        var unnamed = data.RootElement.GetProperty("quotations").EnumerateArray().Single(q => q.GetProperty("unnamed").ValueKind == JsonValueKind.String);
        Assert.Equal(Evil, unnamed.GetProperty("unnamed").GetString());
        Assert.Contains(Evil, unnamed.GetProperty("evidence").GetProperty("text").GetString());
    }
}
