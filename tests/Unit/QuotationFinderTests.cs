using CaseRecord.Analysis;

namespace CaseRecord.Tests.Unit;

public sealed class QuotationFinderTests
{
    private static IReadOnlyList<FoundQuotation> Find(string text) =>
        QuotationFinder.Find(ParagraphSplitter.Split(text, new HashSet<string>()));

    private static string Covered(string text, FoundQuotation q)
    {
        var ps = ParagraphSplitter.Split(text, new HashSet<string>());
        return string.Join("|", q.Segments.Select(s => ps[s.Paragraph - 1].Text[s.Start..s.End]));
    }

    [Fact]
    public void Finds_curly_quotations_with_their_marks()
    {
        const string text = "She said: “We failed.” Then she left.";
        var q = Assert.Single(Find(text));
        Assert.Equal("“We failed.”", Covered(text, q));
        Assert.True(q.IsClosed);
        Assert.False(q.IsPartial);
    }

    [Fact]
    public void Finds_straight_quotations()
    {
        const string text = "He said: \"One.\" And then \"two\".";
        var found = Find(text);
        Assert.Equal(2, found.Count);
        Assert.Equal("\"One.\"", Covered(text, found[0]));
        Assert.Equal("\"two\"", Covered(text, found[1]));
    }

    [Fact]
    public void Single_quotes_and_apostrophes_inside_belong_to_the_quotation()
    {
        const string text = "She said: “It wasn’t ‘good enough’, and I’m sorry.”";
        var q = Assert.Single(Find(text));
        Assert.Equal("“It wasn’t ‘good enough’, and I’m sorry.”", Covered(text, q));
    }

    [Fact]
    public void An_unclosed_paragraph_continues_into_the_next_which_reopens_it()
    {
        const string text = "She said: “One.\n\n“Two.\n\n“Three.”\n\nAfter.";
        var q = Assert.Single(Find(text));
        Assert.Equal([1, 2, 3], q.Segments.Select(s => s.Paragraph));
        Assert.Equal("“One.|“Two.|“Three.”", Covered(text, q));
    }

    [Fact]
    public void A_continued_paragraph_may_lack_the_opening_mark()
    {
        const string text = "She said: “One.\n\nTwo, still quoted.”\n\nNot quoted.";
        var q = Assert.Single(Find(text));
        Assert.Equal([1, 2], q.Segments.Select(s => s.Paragraph));
        Assert.True(q.IsClosed);
    }

    [Fact]
    public void A_quotation_that_is_never_closed_ends_with_its_paragraph_and_says_so()
    {
        const string text = "She said: “One.\n\nNo marks here at all.";
        var q = Assert.Single(Find(text));
        Assert.Equal([1], q.Segments.Select(s => s.Paragraph));
        Assert.False(q.IsClosed);
    }

    [Fact]
    public void A_short_quotation_inside_a_sentence_is_partial()
    {
        const string text = "This may have led “to a reluctance that they be recorded”.";
        var q = Assert.Single(Find(text));
        Assert.True(q.IsPartial);
    }

    [Fact]
    public void Omitted_paragraphs_are_skipped()
    {
        var ps = ParagraphSplitter.Split("“A”\n\n“debris”\n\n“B”", new HashSet<string> { "“debris”" });
        Assert.Equal([1, 3], QuotationFinder.Find(ps).Select(q => q.Segments[0].Paragraph));
    }

    [Fact]
    public void Never_finds_more_quotations_than_marks_and_stays_linear_on_hostile_input()
    {
        var text = string.Concat(Enumerable.Repeat("“a \" b ” ", 20000));
        var found = Find(text);
        var marks = text.Count(c => c is '“' or '”' or '"');
        Assert.InRange(found.Count, 1, marks);
    }
}
