using CaseRecord.Analysis;

namespace CaseRecord.Rendering;

/// <summary>
/// Cuts a paragraph into pieces (inside or outside one quotation) made of runs (plain text, a
/// key figure, an organisation mention or a speaker named), so templates can nest quote and link elements
/// properly even where a figure's words cross a quotation mark.
/// </summary>
public static class ParagraphLayout
{
    public sealed record Span(int Start, int End, object Tag);

    /// <param name="Person">A speaker named: never with a figure or an organisation (a figure's link wins over an organisation's, and both over a person's).</param>
    public sealed record Run(int Start, int End, object? Figure, object? Organisation, object? Person = null);

    public sealed record Piece(object? Quote, IReadOnlyList<Run> Runs);

    public static IReadOnlyList<Piece> Layout(string text, IReadOnlyList<Span> quotes, IReadOnlyList<Span> figures, IReadOnlyList<Span> organisations,
        IReadOnlyList<Span>? people = null)
    {
        people ??= [];
        // Most paragraphs of a long article hold nothing to mark: one plain run, without the cuts and cursors.
        if (quotes.Count == 0 && figures.Count == 0 && organisations.Count == 0 && people.Count == 0)
            return text.Length == 0 ? [] : [new Piece(null, [new Run(0, text.Length, null, null)])];
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var s in quotes.Concat(figures).Concat(organisations).Concat(people))
        {
            cuts.Add(Math.Clamp(s.Start, 0, text.Length));
            cuts.Add(Math.Clamp(s.End, 0, text.Length));
        }
        var points = cuts.ToArray();
        var pieces = new List<Piece>();
        var quoteCursor = new Cursor(quotes);
        var figureCursor = new Cursor(figures);
        var organisationCursor = new Cursor(organisations);
        var personCursor = new Cursor(people);
        object? currentQuote = null;
        List<Run>? runs = null;
        for (var i = 0; i + 1 < points.Length; i++)
        {
            int a = points[i], b = points[i + 1];
            var quote = quoteCursor.Covering(a);
            var figure = figureCursor.Covering(a);
            var organisation = organisationCursor.Covering(a);
            var person = personCursor.Covering(a);
            if (figure is not null) organisation = null;
            if (figure is not null || organisation is not null) person = null;
            if (runs is null || !ReferenceEquals(quote, currentQuote))
            {
                if (runs is not null) pieces.Add(new Piece(currentQuote, runs));
                runs = [];
                currentQuote = quote;
            }
            if (runs.Count > 0 && ReferenceEquals(runs[^1].Figure, figure) && ReferenceEquals(runs[^1].Organisation, organisation) && ReferenceEquals(runs[^1].Person, person))
                runs[^1] = runs[^1] with { End = b };
            else
                runs.Add(new Run(a, b, figure, organisation, person));
        }
        if (runs is not null) pieces.Add(new Piece(currentQuote, runs));
        return pieces;
    }

    /// <summary>
    /// Walks spans sorted by start as the position only grows, so laying out a paragraph is linear
    /// in its spans however many there are.
    /// </summary>
    private sealed class Cursor(IReadOnlyList<Span> spans)
    {
        private readonly Span[] _sorted = Sorted(spans);
        private int _next;
        private readonly List<Span> _open = [];

        public object? Covering(int position)
        {
            while (_next < _sorted.Length && _sorted[_next].Start <= position) _open.Add(_sorted[_next++]);
            for (var i = _open.Count - 1; i >= 0; i--)
                if (_open[i].End <= position) _open.RemoveAt(i);
            return _open.Count > 0 ? _open[0].Tag : null;
        }

        /// <summary>By start, the longest first, spans alike in both kept in their order (as a stable OrderBy would): a paragraph has a few, and sorting them in place spares an ordered iterator per cursor.</summary>
        private static Span[] Sorted(IReadOnlyList<Span> spans)
        {
            if (spans.Count == 0) return [];
            var sorted = new Span[spans.Count];
            for (var i = 0; i < sorted.Length; i++)
            {
                var span = spans[i];
                var j = i;
                for (; j > 0 && (sorted[j - 1].Start > span.Start || (sorted[j - 1].Start == span.Start && sorted[j - 1].End < span.End)); j--) sorted[j] = sorted[j - 1];
                sorted[j] = span;
            }
            return sorted;
        }
    }
}
