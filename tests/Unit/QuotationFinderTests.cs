using CaseRecord.Analysis;
using CaseRecord.Content;

namespace CaseRecord.Tests.Unit;

public sealed class QuotationFinderTests
{
    private static IReadOnlyList<FoundQuotation> Find(string text, QuoteMarks marks = QuoteMarks.Double) =>
        QuotationFinder.Find(ParagraphSplitter.Split(text, new HashSet<string>()), marks);

    /// <summary>The words of each quotation, marks stripped, paragraphs joined by '|'.</summary>
    private static string[] Words(string text, QuoteMarks marks)
    {
        var ps = ParagraphSplitter.Split(text, new HashSet<string>());
        return [.. QuotationFinder.Find(ps, marks).Select(q => string.Join("|", q.Segments.Select(s => QuotationFinder.Inner(ps[s.Paragraph - 1].Text, s).ToString())))];
    }

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
    public void A_quotation_runs_on_through_a_paragraph_with_no_marks_to_the_next_that_reopens_it()
    {
        const string text = "Mr Harris said: “We will look again.\n\nThe council's cabinet meets on Tuesday to decide.\n\n“We owe it to the families to get the process right.”";
        var q = Assert.Single(Find(text));
        Assert.Equal([1, 2, 3], q.Segments.Select(s => s.Paragraph));
        Assert.True(q.IsClosed);
        Assert.False(q.IsPartial);
        Assert.Equal(["We will look again.|The council's cabinet meets on Tuesday to decide.|We owe it to the families to get the process right."], Words(text, QuoteMarks.Double));
    }

    [Fact]
    public void A_quotation_runs_on_through_paragraphs_with_no_marks_to_its_closing_mark()
    {
        const string text = "She said: “One.\n\nTwo.\n\nThree, it’s ‘said’.\n\nFour.”\n\nAfter.";
        var q = Assert.Single(Find(text));
        Assert.Equal([1, 2, 3, 4], q.Segments.Select(s => s.Paragraph));
        Assert.True(q.IsClosed);
    }

    [Fact]
    public void A_quotation_that_another_opens_after_unmarked_paragraphs_was_never_closed_and_gives_them_back()
    {
        const string text = "She said: “One.\n\n“Two.\n\nNot quoted.\n\nNor this.\n\nHe said “three”.";
        var found = Find(text);
        Assert.Equal(2, found.Count);
        Assert.Equal([1, 2], found[0].Segments.Select(s => s.Paragraph));
        Assert.False(found[0].IsClosed);
        Assert.Equal("“One.|“Two.", Covered(text, found[0]));
        Assert.Equal([5], found[1].Segments.Select(s => s.Paragraph));
        Assert.True(found[1].IsClosed);
    }

    [Fact]
    public void A_quotation_the_text_ends_in_gives_back_the_unmarked_paragraphs_after_its_last_marked_one()
    {
        var q = Assert.Single(Find("She said: “One.\n\n“Two.\n\nNot quoted.\n\nNor this."));
        Assert.Equal([1, 2], q.Segments.Select(s => s.Paragraph));
        Assert.False(q.IsClosed);
    }

    [Fact]
    public void With_single_marks_a_quotation_runs_on_through_unmarked_paragraphs_too()
    {
        const string text = "She said: ‘One.\n\nIt’s two, since the ’90s.\n\n‘Three.’";
        Assert.Equal(["One.|It’s two, since the ’90s.|Three."], Words(text, QuoteMarks.Single));
        // With double marks the single ones are no marks: nothing is quoted.
        Assert.Empty(Find(text));
    }

    [Fact]
    public void Unmarked_paragraphs_after_a_quotation_stay_linear_whether_it_closes_or_not()
    {
        var plain = string.Concat(Enumerable.Repeat("Plain words, no marks.\n\n", 100_000));
        var unclosed = Assert.Single(Find("She said: “Open.\n\n" + plain));
        Assert.Equal([1], unclosed.Segments.Select(s => s.Paragraph));
        Assert.False(unclosed.IsClosed);

        var closed = Assert.Single(Find("She said: “Open.\n\n" + plain + "Closed.”"));
        Assert.Equal(100_002, closed.Segments.Length);
        Assert.True(closed.IsClosed);

        // Unclosed quotations one after another, each followed by unmarked paragraphs: each paragraph is taken and given back once.
        var many = string.Concat(Enumerable.Repeat("He said “open.\n\nPlain.\n\nPlain.\n\nAnd “another”.\n\n", 25_000));
        Assert.Equal(50_000, Find(many).Count);
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

    [Theory]
    [InlineData(QuoteMarks.Single)]
    [InlineData(QuoteMarks.Both)]
    public void Single_marks_and_possessives_stay_linear_on_hostile_input(QuoteMarks marks)
    {
        // One paragraph of 100,000 ambiguous possessives among stray marks: each asks whether a closing mark follows.
        var text = string.Concat(Enumerable.Repeat("‘the girls’ homes ’n’ ’90s “a ‘b’ ", 100_000)) + "end’";
        var found = Find(text, marks);
        Assert.InRange(found.Count, 1, text.Count(c => c is '‘' or '“'));
    }

    [Fact]
    public void With_double_marks_single_quotes_outside_a_quotation_quote_nothing()
    {
        const string text = "The ‘plan’ failed, it’s said. She said: “It was ‘good enough’.”";
        Assert.Equal(["It was ‘good enough’."], Words(text, QuoteMarks.Double));
        Assert.Equal(Words(text, QuoteMarks.Double), Find(text).Select(q => Covered(text, q)[1..^1]));
    }

    [Fact]
    public void With_single_marks_single_quotes_quote_and_double_ones_inside_are_nested()
    {
        const string text = "She said: ‘They called it “a review”, and it wasn’t.’ Then she left.";
        var q = Assert.Single(Find(text, QuoteMarks.Single));
        Assert.Equal("‘They called it “a review”, and it wasn’t.’", Covered(text, q));
        Assert.True(q.IsClosed);
        Assert.False(q.IsPartial);
        Assert.Equal(["They called it “a review”, and it wasn’t."], Words(text, QuoteMarks.Single));
        // Double marks alone are not quotations then.
        Assert.Empty(Find("The “plan” failed.", QuoteMarks.Single));
    }

    [Fact]
    public void With_both_either_kind_opens_a_quotation_closed_by_its_own_kind()
    {
        const string text = "He said: “One ‘nested’ word.” She said: ‘Two “nested” words.’ And \"three\".";
        Assert.Equal(["One ‘nested’ word.", "Two “nested” words.", "three"], Words(text, QuoteMarks.Both));
        // With one kind, the other is no mark at all outside a quotation of the first.
        Assert.Equal(["One ‘nested’ word.", "nested", "three"], Words(text, QuoteMarks.Double));
        Assert.Equal(["nested", "Two “nested” words."], Words(text, QuoteMarks.Single));
    }

    [Theory]
    [InlineData(QuoteMarks.Single)]
    [InlineData(QuoteMarks.Both)]
    public void Apostrophes_are_never_quote_marks(QuoteMarks marks)
    {
        const string outside = "It’s the girls’ homes since the ’90s, rock ’n’ roll and rock ‘n’ roll, said O’Brien, don’t you know.";
        Assert.Empty(Find(outside, marks));
        const string inside = "She said: ‘It’s the girls’ homes since the ’90s, rock ’n’ roll, O’Brien, don’t you know.’";
        Assert.Equal(["It’s the girls’ homes since the ’90s, rock ’n’ roll, O’Brien, don’t you know."], Words(inside, marks));
    }

    [Fact]
    public void A_single_mark_opens_only_at_the_start_of_a_word_and_closes_only_at_the_end_of_one()
    {
        Assert.Empty(Find("The word x‘y is not quoted, nor is ‘ this.", QuoteMarks.Single));
        Assert.Equal(["first", "second", "third"], Words("(‘first’) —‘second’; and ‘third’.", QuoteMarks.Single));
        // Closes before punctuation, not before a letter.
        Assert.Equal(["We can’t stop,"], Words("‘We can’t stop,’ she said.", QuoteMarks.Single));
    }

    [Fact]
    public void A_plural_possessive_is_an_apostrophe_when_a_closing_mark_follows_and_closes_otherwise()
    {
        Assert.Equal(["We failed the girls’ families and the boys’ ones,"], Words("‘We failed the girls’ families and the boys’ ones,’ she said.", QuoteMarks.Single));
        Assert.Equal(["We failed the girls"], Words("‘We failed the girls’ she said.", QuoteMarks.Single));
        Assert.Equal(["We failed the girls"], Words("‘We failed the girls’, she said of the parents’ complaint.", QuoteMarks.Single));
    }

    [Fact]
    public void The_words_keep_an_apostrophe_that_opens_or_ends_a_paragraph()
    {
        // p2 continues the quotation without a mark: its ’ is the ’90s', not a mark to strip.
        const string text = "She said: ‘It began then.\n\n’90s policing was different.’";
        Assert.Equal(["It began then.|’90s policing was different."], Words(text, QuoteMarks.Single));
        const string reopened = "She said: ‘One.\n\n‘Two, said the Jones’ son.’";
        Assert.Equal(["One.|Two, said the Jones’ son."], Words(reopened, QuoteMarks.Single));
        // A quotation never closed ends at its paragraph's end: a ’ there is the girls', not a mark.
        Assert.Equal(["We let down the girls’"], Words("She said: “We let down the girls’", QuoteMarks.Both));
    }

    [Fact]
    public void An_article_is_analysed_with_the_quote_marks_of_its_context()
    {
        const string text = "Intro.\n\nSara Thornton said: ‘We failed the girls’ families.’";
        var thornton = Support.Analyse.Person("sara-thornton", "Sara Thornton");
        Assert.Empty(Support.Analyse.Text(text, speakers: [thornton]).Quotations);
        var q = Assert.Single(Support.Analyse.Text(text, QuoteMarks.Single, speakers: [thornton]).Quotations);
        Assert.Equal("We failed the girls’ families.", q.Text);
        Assert.Equal("sara-thornton", q.SpeakerSlug);
    }
}
