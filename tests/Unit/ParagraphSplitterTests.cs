using CaseRecord.Analysis;
using CaseRecord.Content;

namespace CaseRecord.Tests.Unit;

public sealed class ParagraphSplitterTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Splits_at_blank_lines_and_numbers_from_one()
    {
        var ps = ParagraphSplitter.Split("First.\n\nSecond\nstill second.\n\n\n\nThird.", None);
        Assert.Equal(["First.", "Second\nstill second.", "Third."], ps.Select(p => p.Text));
        Assert.Equal([1, 2, 3], ps.Select(p => p.Number));
        Assert.Equal(["p1", "p2", "p3"], ps.Select(p => p.Anchor));
    }

    [Fact]
    public void Lines_of_only_spaces_separate_paragraphs_and_offsets_point_into_the_text()
    {
        const string text = "  One.\n   \t\nTwo.";
        var ps = ParagraphSplitter.Split(text, None);
        Assert.Equal(2, ps.Length);
        Assert.Equal(2, ps[0].Start);
        Assert.Equal("Two.", text[ps[1].Start..(ps[1].Start + 4)]);
    }

    [Fact]
    public void Omitted_paragraph_keeps_its_number_so_later_anchors_never_shift()
    {
        var ps = ParagraphSplitter.Split("A.\n\nOur top stories\n\nB.", new HashSet<string> { "Our top stories" });
        Assert.True(ps[1].Omitted);
        Assert.Equal(3, ps[2].Number);
        Assert.False(ps[2].Omitted);
    }

    [Fact]
    public void Bom_and_crlf_are_accepted_without_changing_line_numbers()
    {
        var text = TextNormaliser.Normalise("\uFEFFOne.\r\n\r\nTwo.\r\n");
        var ps = ParagraphSplitter.Split(text, None);
        Assert.Equal(["One.", "Two."], ps.Select(p => p.Text));
        var source = new SourceText("seeds/x.txt", text, "");
        Assert.Equal(3, source.PositionOf(ps[1].Start).Line);
        Assert.Equal(1, source.PositionOf(ps[1].Start).Column);
    }

    [Fact]
    public void Empty_text_has_no_paragraphs() => Assert.Empty(ParagraphSplitter.Split("\n\n  \n", None));

    [Fact]
    public void An_article_and_its_quotations_share_the_source_texts_strings()
    {
        // The record holds each source text once: paragraphs are the source's strings, quoted words slices of them.
        var a = Support.Analyse.Text("Intro.\n\nSara Thornton said: “We failed.”", speakers: [Support.Analyse.Person("sara-thornton", "Sara Thornton")]);
        Assert.Equal(a.Source.Paragraphs.Length, a.Paragraphs.Length);
        for (var i = 0; i < a.Paragraphs.Length; i++) Assert.Same(a.Source.Paragraphs[i].Text, a.Paragraphs[i].Text);
        var q = Assert.Single(a.Quotations);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetString(q.Parts[0], out var whole, out _, out _));
        Assert.Same(a.Paragraphs[1].Text, whole);
        Assert.Equal("We failed.", Assert.Single(q.ParagraphTexts));
    }
}
