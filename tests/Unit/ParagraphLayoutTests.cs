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
}
