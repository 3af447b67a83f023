using System.Text;
using System.Text.Json;
using CaseRecord.Building;
using CaseRecord.Content;
using CaseRecord.Output;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Golden;

/// <summary>
/// Builds the example case under tests/sites/two-speakers with the repository's theme and
/// compares every page with the expected output. After a deliberate change to the theme or the
/// generator, run with UPDATE_GOLDEN=1 and review the diff of expected/ before committing.
/// </summary>
public sealed class ExampleSiteTests
{
    private const string SiteFolder = "tests/sites/two-speakers";

    public static (BuildResult Result, MemorySink Output) BuildExample() => GoldenSite.Build(SiteFolder);

    [Fact]
    public void Example_builds_without_errors_or_warnings()
    {
        var (result, _) = BuildExample();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Example_pages_match_the_expected_output() => GoldenSite.AssertPagesMatch(SiteFolder, BuildExample().Output);

    [Fact]
    public void Both_speakers_get_exactly_their_quotations()
    {
        var (_, output) = BuildExample();
        string[] Hrefs(string slug) =>
            [.. TestSite.Html(output, $"speakers/{slug}/index.html").QuerySelectorAll(".quotation figcaption a:first-child").Select(a => a.GetAttribute("href")!)];
        const string article = "../../articles/riverside-flooding/index.html";
        Assert.Equal([$"{article}#p2", $"{article}#p2", $"{article}#p7", $"{article}#p8"], Hrefs("priya-shah"));
        Assert.Equal([$"{article}#p4", $"{article}#p5", $"{article}#p10"], Hrefs("tom-baker"));
    }

    [Fact]
    public void Words_marked_not_speech_are_shown_as_quoted_but_on_no_speaker_page()
    {
        var (_, output) = BuildExample();
        var doc = TestSite.Html(output, "articles/riverside-flooding/index.html");
        var p6 = doc.GetElementById("p6")!;
        Assert.NotNull(p6.QuerySelector("q"));
        Assert.Null(p6.QuerySelector(".said-by"));
        Assert.DoesNotContain("Operation Dry Feet", output.Text("speakers/priya-shah/index.html"));
        Assert.DoesNotContain("Operation Dry Feet", output.Text("speakers/tom-baker/index.html"));
    }

    [Fact]
    public void A_source_the_text_does_not_name_is_shown_with_its_description_and_on_no_speaker_page()
    {
        var (_, output) = BuildExample();
        var doc = TestSite.Html(output, "articles/riverside-flooding/index.html");
        var p11 = doc.GetElementById("p11")!;
        var quote = p11.QuerySelector("q.quote")!;
        Assert.False(quote.ClassList.Contains("unattributed"));
        var saidBy = p11.QuerySelector(".said-by")!;
        Assert.Empty(saidBy.QuerySelectorAll("a"));
        Assert.Equal("a resident whose home flooded twice, not named", saidBy.QuerySelector(".unnamed")!.TextContent);
        Assert.Equal("Quotation from a resident whose home flooded twice, not named", saidBy.TextContent);
        Assert.DoesNotContain("Nobody from the council came", output.Text("speakers/priya-shah/index.html"));
        Assert.DoesNotContain("Nobody from the council came", output.Text("speakers/tom-baker/index.html"));

        // In JSON-LD the source is no Person: credited in words.
        using var ld = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var quotations = ld.RootElement.GetProperty("@graph").EnumerateArray().Where(n => n.GetProperty("@type").GetString() == "Quotation").ToList();
        var unnamed = Assert.Single(quotations, q => q.GetProperty("text").GetString()!.StartsWith("Nobody from the council came", StringComparison.Ordinal));
        Assert.False(unnamed.TryGetProperty("spokenByCharacter", out _));
        Assert.False(unnamed.TryGetProperty("creator", out _));
        Assert.Equal("a resident whose home flooded twice, not named", unnamed.GetProperty("creditText").GetString());
        Assert.All(quotations.Where(q => !q.Equals(unnamed)), q => Assert.False(q.TryGetProperty("creditText", out _)));
    }

    [Fact]
    public void The_data_file_gives_each_quotation_its_evidence_and_an_unnamed_source_its_description()
    {
        var (_, output) = BuildExample();
        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        var quotations = data.RootElement.GetProperty("quotations").EnumerateArray().ToList();
        var unnamed = Assert.Single(quotations, q => q.GetProperty("unnamed").ValueKind == JsonValueKind.String);
        Assert.Equal("riverside-flooding/q9", unnamed.GetProperty("id").GetString());
        Assert.Equal("a resident whose home flooded twice", unnamed.GetProperty("unnamed").GetString());
        Assert.Equal(JsonValueKind.Null, unnamed.GetProperty("speaker").ValueKind);
        Assert.True(unnamed.GetProperty("speech").GetBoolean());
        Assert.Equal("unnamed", unnamed.GetProperty("attribution").GetString());
        var evidence = unnamed.GetProperty("evidence");
        Assert.Equal("override-unnamed", evidence.GetProperty("rule").GetString());
        Assert.Equal("a resident whose home flooded twice", evidence.GetProperty("source").GetString());
        Assert.Equal(0, evidence.GetProperty("candidates").GetArrayLength());
        Assert.Equal("override under 'quotes:': unnamed, \"a resident whose home flooded twice\"", evidence.GetProperty("text").GetString());
        var notSpeech = Assert.Single(quotations, q => !q.GetProperty("speech").GetBoolean());
        Assert.Equal(JsonValueKind.Null, notSpeech.GetProperty("unnamed").ValueKind);
        Assert.Equal("notspeech", notSpeech.GetProperty("attribution").GetString());
        Assert.All(quotations, q => Assert.False(string.IsNullOrEmpty(q.GetProperty("evidence").GetProperty("text").GetString())));
    }

    [Fact]
    public void Editor_markdown_cannot_inject_script_or_javascript_links()
    {
        var (_, output) = BuildExample();
        var doc = TestSite.Html(output, "articles/riverside-flooding/index.html");
        Assert.Empty(doc.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.All(doc.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector(".editors")!.TextContent);
        Assert.Equal("invented", doc.QuerySelector(".editors strong")!.TextContent);
    }

    [Fact]
    public void Share_figure_shows_its_ratio()
    {
        var (_, output) = BuildExample();
        var doc = TestSite.Html(output, "figures/repaired-homes/index.html");
        Assert.Contains("35.3%", doc.QuerySelector(".ratio")!.TextContent);
    }
}
