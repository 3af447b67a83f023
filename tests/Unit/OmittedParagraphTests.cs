using System.Text.Json;
using CaseRecord.Tests.Support;

namespace CaseRecord.Tests.Unit;

/// <summary>Paragraphs the editors leave out are said where the numbering jumps, with their reason when given.</summary>
public sealed class OmittedParagraphTests
{
    private const string Text = "Our top stories\n\nThe council met.\n\nComments are closed\n\nShare this\n";

    [Fact]
    public void Each_omission_is_marked_in_place_with_its_reason_and_in_the_data_file()
    {
        var (_, output) = TestSite.BuiltWithOne(Text,
            "omit:\n  - Our top stories\n  - text: Comments are closed\n    reason: the page's comment policy\n  - {text: Share this, reason: a share button}\n");
        var doc = TestSite.Html(output, "articles/a/index.html");
        var markers = doc.QuerySelectorAll(".source-text .omitted-para");
        Assert.Equal(["p1", "p3", "p4"], markers.Select(m => m.Id));
        Assert.Equal("1 Paragraph 1 of the source is left out by the editors.", markers[0].TextContent);
        Assert.Equal("3 Paragraph 3 of the source is left out by the editors: the page's comment policy.", markers[1].TextContent);
        Assert.EndsWith("left out by the editors: a share button.", markers[2].TextContent);
        // In reading order: p1's marker, the story's p2, then the two after it.
        Assert.Equal(["p1", "p2", "p3", "p4"], doc.QuerySelectorAll(".source-text [id^='p']").Select(e => e.Id));

        using var data = JsonDocument.Parse(output.Files["data/case.json"]);
        var paragraphs = data.RootElement.GetProperty("articles")[0].GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, paragraphs[0].GetProperty("omitReason").ValueKind);
        Assert.False(paragraphs[1].TryGetProperty("omitReason", out _));
        Assert.Equal("the page's comment policy", paragraphs[2].GetProperty("omitReason").GetString());
    }

    [Fact]
    public void An_omission_given_as_a_mapping_must_name_its_text()
    {
        var (result, _) = new TestSite().Seed("a.txt", Text)
            .Article("a", "title: A\nsource: seeds/a.txt\nomit:\n  - text: Our top stories\n  - reason: no text\n").Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith("input/articles/a.md:6:5: error: each item of 'omit' must be text", StringComparison.Ordinal));
    }
}
