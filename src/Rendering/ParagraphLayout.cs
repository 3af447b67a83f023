using CaseRecord.Analysis;

namespace CaseRecord.Rendering;

/// <summary>
/// Cuts a paragraph into pieces (inside or outside one quotation) made of runs (plain text, a
/// key figure, or an organisation mention), so templates can nest quote and link elements
/// properly even where a figure's words cross a quotation mark.
/// </summary>
public static class ParagraphLayout
{
    public sealed record Span(int Start, int End, object Tag);

    public sealed record Run(int Start, int End, object? Figure, object? Organisation);

    public sealed record Piece(object? Quote, IReadOnlyList<Run> Runs);

    public static IReadOnlyList<Piece> Layout(string text, IReadOnlyList<Span> quotes, IReadOnlyList<Span> figures, IReadOnlyList<Span> organisations)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in quotes.Concat(figures).Concat(organisations))
        {
            cuts.Add(Math.Clamp(s.Start, 0, text.Length));
            cuts.Add(Math.Clamp(s.End, 0, text.Length));
        }
        var points = cuts.ToArray();
        var pieces = new List<Piece>();
        object? currentQuote = null;
        List<Run>? runs = null;
        for (var i = 0; i + 1 < points.Length; i++)
        {
            int a = points[i], b = points[i + 1];
            var quote = Covering(quotes, a);
            var figure = Covering(figures, a);
            var organisation = figure is null ? Covering(organisations, a) : null;
            if (runs is null || !ReferenceEquals(quote, currentQuote))
            {
                if (runs is not null) pieces.Add(new Piece(currentQuote, runs));
                runs = [];
                currentQuote = quote;
            }
            if (runs.Count > 0 && ReferenceEquals(runs[^1].Figure, figure) && ReferenceEquals(runs[^1].Organisation, organisation))
                runs[^1] = runs[^1] with { End = b };
            else
                runs.Add(new Run(a, b, figure, organisation));
        }
        if (runs is not null) pieces.Add(new Piece(currentQuote, runs));
        return pieces;
    }

    private static object? Covering(IReadOnlyList<Span> spans, int position)
    {
        foreach (var s in spans)
            if (s.Start <= position && position < s.End) return s.Tag;
        return null;
    }
}
