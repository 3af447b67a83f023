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
    public void A_text_with_no_blank_line_has_one_paragraph_per_line_trimmed_and_numbered_from_one()
    {
        const string text = "First line.\n  Second line.  \nThird.\n";
        var ps = ParagraphSplitter.Split(text, out var byLine);
        Assert.True(byLine);
        Assert.Equal(["First line.", "Second line.", "Third."], ps.Select(p => p.Text));
        Assert.Equal(["p1", "p2", "p3"], ps.Select(p => p.Anchor));
        Assert.All(ps, p => Assert.Equal(p.Text, text.Substring(p.Start, p.Text.Length)));
        var source = new SourceText("seeds/x.txt", text, "");
        Assert.True(source.OneParagraphPerLine);
        Assert.Equal(new Diagnostics.SourcePosition("seeds/x.txt", 2, 3), source.PositionOf(ps[1].Start));
        Assert.Equal(new Diagnostics.SourcePosition("seeds/x.txt", 3, 3), source.PositionOf(ps[2].Start + 2));
    }

    [Fact]
    public void A_text_with_any_blank_line_between_its_lines_keeps_the_blank_line_rule()
    {
        var ps = ParagraphSplitter.Split("One,\nstill one.\n\nTwo.\nStill two.", out var byLine);
        Assert.False(byLine);
        Assert.Equal(["One,\nstill one.", "Two.\nStill two."], ps.Select(p => p.Text));
        Assert.False(new SourceText("seeds/x.txt", "One.\n\nTwo.", "").OneParagraphPerLine);
    }

    [Fact]
    public void Blank_lines_before_the_first_line_or_after_the_last_separate_nothing()
    {
        const string text = "\n  \nOne.\nTwo.\n\n\n";
        var ps = ParagraphSplitter.Split(text, out var byLine);
        Assert.True(byLine);
        Assert.Equal(["One.", "Two."], ps.Select(p => p.Text));
        Assert.Equal(new Diagnostics.SourcePosition("seeds/x.txt", 4, 1), new SourceText("seeds/x.txt", text, "").PositionOf(ps[1].Start));
    }

    [Fact]
    public void A_text_of_one_line_is_one_paragraph_by_either_rule()
    {
        var ps = ParagraphSplitter.Split("  Only one line.  \n", out var byLine);
        Assert.False(byLine);
        Assert.Equal("Only one line.", Assert.Single(ps).Text);
    }

    [Fact]
    public void Crlf_and_bom_line_texts_have_one_paragraph_per_line_at_the_right_positions()
    {
        var text = TextNormaliser.Normalise("\uFEFFOne.\r\nTwo.\r\nThree.\r\n");
        var source = new SourceText("seeds/x.txt", text, "");
        Assert.True(source.OneParagraphPerLine);
        Assert.Equal(["One.", "Two.", "Three."], source.Paragraphs.Select(p => p.Text));
        Assert.Equal(new Diagnostics.SourcePosition("seeds/x.txt", 3, 1), source.PositionOf(source.Paragraphs[2].Start));
    }

    [Fact]
    public void Lines_can_be_omitted_and_later_anchors_keep_their_numbers()
    {
        var ps = ParagraphSplitter.Split("A.\nOur top stories\nB.", new HashSet<string> { "Our top stories" });
        Assert.Equal([false, true, false], ps.Select(p => p.Omitted));
        Assert.Equal(3, ps[2].Number);
    }

    [Fact]
    public void Reading_a_text_of_lines_says_so_in_one_note_and_a_text_with_blank_lines_says_nothing()
    {
        var project = new MemoryContentSource()
            .Add("seeds/lines.txt", "Intro.\nShe said: “Yes.”\nAfter.\n")
            .Add("seeds/blocks.txt", "Intro.\n\nAfter.\n");
        var lines = new Diagnostics.DiagnosticList();
        Assert.NotNull(SeedReader.Read(project, Article("seeds/lines.txt"), lines));
        var note = Assert.Single(lines.ToImmutable());
        Assert.Equal("seeds/lines.txt:1:1: note: this text has no blank lines, so each of its 3 lines is a paragraph", note.ToString());

        var blocks = new Diagnostics.DiagnosticList();
        Assert.NotNull(SeedReader.Read(project, Article("seeds/blocks.txt"), blocks));
        Assert.Empty(blocks.ToImmutable());
    }

    private static ArticleDoc Article(string source) =>
        DocumentReaders.ReadArticle("input/articles/a.md", $"---\ntitle: A\nsource: {source}\n---\n", new Diagnostics.DiagnosticList())!;

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
