using CaseRecord.Rendering;
using static CaseRecord.Rendering.ParagraphLayout;

namespace CaseRecord.Tests.Unit;

/// <summary>Where spans overlap, one run holds one link: a figure's wins over an organisation's, and both over a person's.</summary>
public sealed class ParagraphLayoutTests
{
    private const string Text = "Ms Shah of Riverside Council said 340 homes flooded.";

    private static List<(string Text, string Link)> Runs(IReadOnlyList<Span> figures, IReadOnlyList<Span> organisations, IReadOnlyList<Span> people) =>
        [.. Layout(Text, [], figures, organisations, people).SelectMany(p => p.Runs)
            .Select(r => (Text[r.Start..r.End], (string?)(r.Figure ?? r.Organisation ?? r.Person) ?? ""))];

    [Fact]
    public void A_person_named_is_a_run_of_its_own()
    {
        var runs = Runs([], [new Span(11, 28, "org")], [new Span(0, 7, "person")]);
        Assert.Equal([("Ms Shah", "person"), (" of ", ""), ("Riverside Council", "org"), (" said 340 homes flooded.", "")], runs);
    }

    [Fact]
    public void A_figure_or_an_organisation_wins_over_a_person_where_they_overlap()
    {
        var runs = Runs([new Span(34, 43, "figure")], [new Span(11, 28, "org")], [new Span(3, 20, "person"), new Span(30, 40, "person2")]);
        Assert.Equal([("Ms ", ""), ("Shah of ", "person"), ("Riverside Council", "org"), (" s", ""), ("aid ", "person2"), ("340 homes", "figure"), (" flooded.", "")], runs);
    }

    [Fact]
    public void Of_spans_that_start_together_the_longest_covers_and_of_spans_alike_the_first_given()
    {
        // Given shortest first, and two spans alike: the cursor's order is by start, the longest first, ties as given.
        var runs = Runs([new Span(34, 37, "short"), new Span(34, 43, "long"), new Span(34, 43, "long too")], [], []);
        Assert.Equal([("Ms Shah of Riverside Council said ", ""), ("340 homes", "long"), (" flooded.", "")], runs);
        var alike = Runs([], [new Span(11, 28, "first"), new Span(11, 28, "second")], []);
        Assert.Equal([("Ms Shah of ", ""), ("Riverside Council", "first"), (" said 340 homes flooded.", "")], alike);
    }
}
